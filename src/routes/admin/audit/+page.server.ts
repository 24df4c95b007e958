import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { readAuditLog } from '#lib/server/admin/audit-log.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { database } = await app();
	const subject = (url.searchParams.get('subject') ?? '').slice(0, 40);
	const page = Math.max(
		1,
		Math.min(100_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
	);
	const hideOwnReads = url.searchParams.get('mine') === 'hide';
	const log = await readAuditLog(database.db, locals.user, {
		subjectType: /^[a-z_]+$/.test(subject) ? subject : undefined,
		page,
		hideOwnReads
	});
	if (!log) error(403, 'Forbidden');
	return { ...log, subject, page, hideOwnReads };
};
