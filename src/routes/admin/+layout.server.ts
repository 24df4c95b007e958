import { error, redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { can } from '#lib/server/accounts/policy.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	if (!can(locals.user, 'admin.view')) error(403, 'Forbidden');
	return {};
};
