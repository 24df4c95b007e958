import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { deleteMyAccount, erasureBlockers } from '#lib/server/privacy/erase-account.ts';
import { failForm } from '#lib/http/answer.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { readForm } from '#lib/http/read-form.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	// Said before the person tries: who they must hand over to first.
	return { blockers: await erasureBlockers(database.db, locals.user.id) };
};

export const actions: Actions = {
	delete: async ({ request, locals, cookies, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { data } = await readForm(request);
		if (data.get('confirm') !== 'yes')
			return fail(400, { errors: { confirm: 'error_delete_confirm' } });
		const { database, storage } = await app();
		const result = await deleteMyAccount({ db: database.db, storage }, locals.user.id);
		if (!result.ok) return failForm(result);
		for (const { name } of cookies.getAll())
			if (name.includes('session')) cookies.delete(name, { path: '/' });
		redirect(303, localizeHref('/?deleted=1'));
	}
};
