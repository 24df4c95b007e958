import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { certificateView, mayRevoke, revokeAsStaff } from '#lib/server/courses/certificates.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

/**
 * The public verification page: anyone with the link (or the QR code) checks a certificate.
 * The course's authors and administrators also find here the form to revoke it.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const id = idParam('uuid', params.id);
	const { database, config } = await app();
	const view = await certificateView(database.db, config.origin, id);
	if (!view) error(404, 'Not found');
	if (view.withdrawn) return { id, withdrawn: true as const };
	const { credential: _credential, ...shown } = view;
	void _credential;
	return { ...shown, mayRevoke: await mayRevoke(database.db, locals.user, id) };
};

export const actions: Actions = {
	revoke: async ({ params, locals, request }) => {
		const id = idParam('uuid', params.id);
		const { text } = await readForm(request);
		const values = { reason: text('reason') };
		const { database } = await app();
		const result = await revokeAsStaff(database.db, locals.user, id, values.reason);
		if (!result.ok) return failForm(result, values);
		return { revoked: true };
	}
};
