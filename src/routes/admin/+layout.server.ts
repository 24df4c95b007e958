import { error, redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { can } from '#lib/server/accounts/policy.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: LayoutServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, localizeHref('/sign-in'));
	if (!can(locals.user, 'admin.view')) error(403, 'Forbidden');
	return {};
};
