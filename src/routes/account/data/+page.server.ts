import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { deleteMyAccount } from '#lib/server/members/my-data.ts';
import { forgetDirectoryOptions } from '#lib/server/members/directory-options.ts';
import { localizeHref } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, localizeHref('/sign-in'));
	return {};
};

export const actions: Actions = {
	delete: async ({ request, locals, cookies }) => {
		if (!locals.user) redirect(303, localizeHref('/sign-in'));
		const data = await request.formData().catch(() => new FormData());
		if (data.get('confirm') !== 'yes')
			return fail(400, { errors: { confirm: 'error_delete_confirm' } });
		const { database, storage } = await services();
		await deleteMyAccount({ db: database.db, storage }, locals.user.id);
		forgetDirectoryOptions();
		for (const { name } of cookies.getAll())
			if (name.includes('session')) cookies.delete(name, { path: '/' });
		redirect(303, localizeHref('/?deleted=1'));
	}
};
