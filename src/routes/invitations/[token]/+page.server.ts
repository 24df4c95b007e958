import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { answerInvitation, invitationByToken } from '#lib/server/organisations/invitations.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/** The page behind an invitation link: the organisation, and accept or decline once signed in. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { database } = await app();
	const invitation = await invitationByToken(database.db, params.token);
	if (!invitation) error(404, 'Not found');
	return { organisation: invitation.organisation, signedIn: !!locals.user };
};

export const actions: Actions = {
	default: async ({ params, locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const choice = form.text('answer') === 'accept' ? 'accept' : 'decline';
		const result = await answerInvitation(
			noticeDeps(await app()),
			locals.user,
			{ token: params.token },
			choice
		);
		if (result.ok)
			redirect(
				303,
				localizeHref(
					choice === 'accept'
						? `/organisations/${result.value.slug}`
						: '/account/waiting?declined=1'
				)
			);
		return failForm(result);
	}
};
