import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { getOrganisation } from '#lib/server/organisations/get-organisation.ts';
import {
	inviteMember,
	requestToJoin,
	reviewOrganisation,
	setMembership
} from '#lib/server/organisations/memberships.ts';
import { getLocale, localizeHref } from '#lib/paraglide/runtime.js';
import { publishedServicesOf } from '#lib/server/services/manage.ts';
import { saveOrganisationLogo } from '#lib/server/organisations/organisation-logo.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { database } = await services();
	const page = await getOrganisation(database.db, locals.user, params.slug.slice(0, 120));
	if (!page) error(404, 'Not found');
	const offered =
		page.organisation.status === 'approved'
			? await publishedServicesOf(database.db, page.organisation.id, getLocale())
			: [];
	return { ...page, offered, created: url.searchParams.has('created') };
};

async function orgId(slug: string, locals: App.Locals) {
	const { database } = await services();
	const page = await getOrganisation(database.db, locals.user, slug.slice(0, 120));
	if (!page) error(404, 'Not found');
	return { db: database.db, id: page.organisation.id };
}

const REASONS: Record<string, string> = {
	forbidden: 'error_page_forbidden',
	'not-found': 'error_org_person_not_found',
	conflict: 'error_org_already_member',
	'last-admin': 'error_org_last_admin'
};

function answer(result: { ok: true } | { ok: false; reason: string }, done: string) {
	if (result.ok) return { done };
	if (result.reason === 'forbidden') error(403, 'Forbidden');
	return fail(result.reason === 'not-found' ? 404 : 409, {
		errors: { form: REASONS[result.reason] }
	});
}

export const actions: Actions = {
	join: async ({ params, locals }) => {
		if (!locals.user) redirect(303, localizeHref('/sign-in'));
		const { db, id } = await orgId(params.slug, locals);
		return answer(await requestToJoin(db, locals.user, id), 'org_join_requested');
	},
	invite: async ({ params, locals, request }) => {
		const data = await request.formData().catch(() => new FormData());
		const contact = String(data.get('contact') ?? '').slice(0, 254);
		const { db, id } = await orgId(params.slug, locals);
		return answer(await inviteMember(db, locals.user, id, contact), 'org_invited');
	},
	member: async ({ params, locals, request }) => {
		const data = await request.formData().catch(() => new FormData());
		const change = String(data.get('change') ?? '');
		if (!['accept', 'make-admin', 'make-member', 'remove'].includes(change))
			return fail(400, { errors: { form: 'error_generic' } });
		const { db, id } = await orgId(params.slug, locals);
		const userId = String(data.get('user') ?? '').slice(0, 100);
		return answer(
			await setMembership(db, locals.user, id, userId, change as 'accept'),
			'org_membership_saved'
		);
	},
	logo: async ({ params, locals, request }) => {
		const data = await request.formData().catch(() => new FormData());
		const file = data.get('logo');
		const { id } = await orgId(params.slug, locals);
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { errors: { logo: 'error_logo_invalid' } });
		const { database, storage } = await services();
		const result = await saveOrganisationLogo(
			{ db: database.db, storage },
			locals.user,
			id,
			Buffer.from(await file.arrayBuffer())
		);
		if (result.ok) return { done: 'settings_saved' };
		if (result.status === 403) error(403, 'Forbidden');
		return fail(result.status, { errors: { logo: result.error } });
	},
	review: async ({ params, locals, request }) => {
		const data = await request.formData().catch(() => new FormData());
		const decision = data.get('decision') === 'approved' ? 'approved' : 'rejected';
		const { db, id } = await orgId(params.slug, locals);
		return answer(await reviewOrganisation(db, locals.user, id, decision), 'org_reviewed');
	}
};
