import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { app } from '#lib/server/app/app.ts';
import { demoContentCounts, removeDemoContent } from '#lib/server/admin/demo-content.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

export const load: PageServerLoad = async () => {
	const { database } = await app();
	return { counts: await demoContentCounts(database.db) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await readForm(request);
		if (form.text('confirm') !== 'yes')
			return fail(400, { errors: { confirm: 'error_demo_confirm' } as Record<string, string> });
		const { database } = await app();
		const result = await removeDemoContent(database.db, locals.user);
		return result.ok ? { removed: result.value } : failForm(result);
	}
};
