import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { getOrganisation } from '#lib/server/organisations/get-organisation.ts';
import {
	requestToJoin,
	reviewOrganisation,
	setMembership
} from '#lib/server/organisations/memberships.ts';
import {
	answerInvitation,
	inviteToOrganisation,
	withdrawInvitation
} from '#lib/server/organisations/invitations.ts';
import type { MembershipChange } from '#lib/server/organisations/policy.ts';
import type { Result } from '#lib/server/platform/result.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { idParam } from '#lib/http/id-param.ts';

import { getLocale } from '#lib/paraglide/runtime.js';
import { signInFirst } from '#lib/http/next-path.ts';
import { publishedServicesOf } from '#lib/server/services/organisation-services.ts';
import { saveOrganisationLogo } from '#lib/server/organisations/organisation-logo.ts';

const MEMBERSHIP_CHANGES: MembershipChange[] = ['accept', 'make-admin', 'make-member', 'remove'];

export const load: PageServerLoad = async ({ params, locals, url }) => {
	idParam('slug', params.slug);
	const { database } = await app();
	const page = await getOrganisation(database.db, locals.user, params.slug.slice(0, 120));
	if (!page) error(404, 'Not found');
	const offered =
		page.organisation.status === 'approved'
			? await publishedServicesOf(database.db, page.organisation.id, getLocale())
			: [];
	return { ...page, offered, created: url.searchParams.has('created') };
};

async function orgId(slug: string, locals: App.Locals) {
	idParam('slug', slug);
	const s = await app();
	const page = await getOrganisation(s.database.db, locals.user, slug.slice(0, 120));
	if (!page) error(404, 'Not found');
	return { db: s.database.db, deps: noticeDeps(s), id: page.organisation.id };
}

/** An operation's answer as the page shows it: a notice, or translated errors with their status. */
function answer(result: Result<unknown>, done: string, values?: Record<string, string>) {
	return result.ok ? { done } : failForm(result, values);
}

export const actions: Actions = {
	join: async ({ params, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { deps, id } = await orgId(params.slug, locals);
		return answer(await requestToJoin(deps, locals.user, id), 'org_join_requested');
	},
	invite: async ({ params, locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const contact = form.text('contact').slice(0, 254);
		const { id } = await orgId(params.slug, locals);
		const s = await app();
		const deps = {
			...noticeDeps(s),
			mailer: s.mailer,
			sms: s.sms,
			origin: s.config.origin,
			locale: getLocale()
		};
		const result = await inviteToOrganisation(deps, locals.user, id, { contact });
		// The form is emptied once sent, whoever the contact is.
		return answer(result, 'org_invited', result.ok ? undefined : { contact });
	},
	invitation: async ({ params, locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const choice = form.text('answer') === 'accept' ? 'accept' : 'decline';
		const { deps } = await orgId(params.slug, locals);
		const result = await answerInvitation(
			deps,
			locals.user,
			{ id: form.text('invitation').slice(0, 100) },
			choice
		);
		return answer(
			result,
			choice === 'accept' ? 'org_invitation_accepted' : 'org_invitation_declined'
		);
	},
	withdraw: async ({ params, locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const { db, id } = await orgId(params.slug, locals);
		return answer(
			await withdrawInvitation(db, locals.user, id, form.text('invitation')),
			'org_invitation_withdrawn'
		);
	},
	member: async ({ params, locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const change = form.text('change');
		if (!MEMBERSHIP_CHANGES.includes(change as MembershipChange))
			return fail(400, { errors: { form: 'error_generic' } });
		const { deps, id } = await orgId(params.slug, locals);
		const userId = form.text('user').slice(0, 100);
		return answer(
			await setMembership(deps, locals.user, id, userId, change as MembershipChange),
			'org_membership_saved'
		);
	},
	logo: async ({ params, locals, request }) => {
		const { data } = await readForm(request);
		const file = data.get('logo');
		const { id } = await orgId(params.slug, locals);
		const { database, storage } = await app();
		// No file is an empty one: the operation refuses it like any file that is not an image.
		const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
		const result = await saveOrganisationLogo({ db: database.db, storage }, locals.user, id, bytes);
		return answer(result, 'settings_saved');
	},
	review: async ({ params, locals, request }) => {
		const { data } = await readForm(request);
		const decision = data.get('decision') === 'approved' ? 'approved' : 'rejected';
		const reason = String(data.get('reason') ?? '');
		const { deps, id } = await orgId(params.slug, locals);
		return answer(
			await reviewOrganisation(deps, locals.user, id, decision, reason),
			'org_reviewed',
			{ reason }
		);
	}
};
