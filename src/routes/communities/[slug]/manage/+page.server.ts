import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { communityMembers } from '#lib/server/communities/read.ts';
import {
	changeMember,
	newInvitationLink,
	updateCommunity
} from '#lib/server/communities/manage.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const slug = idParam('slug', params.slug);
	const { database } = await app();
	const found = await communityMembers(database.db, locals.user, slug);
	if (!found) error(404, 'Not found');
	const c = found.community;
	return {
		slug,
		name: c.name,
		visibility: c.visibility,
		values: {
			name: c.name,
			description: c.description,
			theme: c.theme,
			country: c.country ?? '',
			language: c.language,
			visibility: c.visibility
		},
		members: found.members.map((m) => ({ ...m, me: m.id === locals.user!.id })),
		countries: countryOptions(getLocale())
	};
};

const FIELDS = ['name', 'description', 'theme', 'country', 'language', 'visibility'];

export const actions: Actions = {
	settings: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const f = await readForm(request);
		const values = Object.fromEntries(FIELDS.map((k) => [k, f.text(k)]));
		const { database } = await app();
		const result = await updateCommunity(database.db, locals.user, slug, values);
		return result.ok ? { saved: 'settings' } : failForm(result, values);
	},
	invite: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const { database, config } = await app();
		const result = await newInvitationLink(database.db, locals.user, slug);
		if (!result.ok) return failForm(result);
		return {
			link: `${config.origin}/${getLocale()}/communities/${slug}?invite=${result.value.token}`
		};
	},
	member: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const f = await readForm(request);
		const id = parseId('id', f.text('member'));
		const change = f.text('change');
		if (!id || !['promote', 'demote', 'remove'].includes(change)) error(404, 'Not found');
		const { database } = await app();
		const result = await changeMember(
			database.db,
			locals.user,
			slug,
			id,
			change as 'promote' | 'demote' | 'remove'
		);
		return result.ok ? { saved: change } : failForm(result);
	}
};
