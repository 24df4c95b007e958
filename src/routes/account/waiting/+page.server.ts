import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { answerInvitation, invitationsFor } from '#lib/server/organisations/invitations.ts';
import { answerAsPerson, referralsWaitingFor } from '#lib/server/referrals/person-confirmation.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import type { Failure } from '#lib/server/platform/result.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/**
 * Invitations and referrals waiting for the person's answer, found by the e-mail address and
 * phone number their account verified.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	return {
		invitations: (await invitationsFor(database.db, locals.user)).map((i) => ({
			id: i.id,
			organisation: i.organisation
		})),
		referrals: await referralsWaitingFor(database.db, locals.user, getLocale()),
		declined: url.searchParams.has('declined')
	};
};

const refused = (result: Failure) => failForm(result);

export const actions: Actions = {
	invitation: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const choice = form.text('answer') === 'accept' ? 'accept' : 'decline';
		const result = await answerInvitation(
			noticeDeps(await app()),
			locals.user,
			{ id: form.text('invitation').slice(0, 100) },
			choice
		);
		if (!result.ok) return refused(result);
		if (choice === 'accept') redirect(303, localizeHref(`/organisations/${result.value.slug}`));
		return { done: 'org_invitation_declined' };
	},
	referral: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const answer = form.text('answer') === 'me' ? 'me' : 'not_me';
		const { database } = await app();
		const result = await answerAsPerson(
			database.db,
			locals.user,
			{ id: form.text('referral').slice(0, 100) },
			answer
		);
		if (!result.ok) return refused(result);
		if (answer === 'me') redirect(303, localizeHref(`/referrals/${result.value.id}`));
		return { done: 'referral_claim_not_me_done' };
	}
};
