import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listPeople, setRoles } from '#lib/server/accounts/roles.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { database } = await app();
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const pageNo = Math.max(
		1,
		Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
	);
	const result = await listPeople(database.db, locals.user, q, pageNo);
	if (!result) error(403, 'Forbidden');
	return { q, ...result };
};

export const actions: Actions = {
	roles: async ({ request, locals }) => {
		const form = await readForm(request);
		const userId = form.text('user').slice(0, 100);
		const roles = form.data.getAll('role').filter((r): r is string => typeof r === 'string');
		const { database } = await app();
		const result = await setRoles(database.db, locals.user, userId, roles);
		return result.ok ? { saved: userId } : failForm(result, undefined, { failed: userId });
	}
};
