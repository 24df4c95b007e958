import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import { viewerOf } from '#lib/server/members/policy.ts';
import { canSee } from '#lib/members/profile.ts';
import { photoKey, PHOTO_SIZES } from '#lib/server/members/photo.ts';
import { idParam } from '#lib/http/id-param.ts';
import { ownKey } from '#lib/http/ids.ts';

/** A profile photo, only for those allowed to see it: the photo has its own visibility. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const size = ownKey(PHOTO_SIZES, params.size);
	if (!size) error(404, 'Not found');
	const id = idParam('id', params.id);
	const { database, storage } = await app();
	const row = await findProfileRow(database.db, id);
	const viewer = viewerOf(locals.user, id);
	if (
		!row?.photo ||
		!canSee(viewer, row.listed) ||
		!canSee(viewer, row.visibility.photo ?? 'nobody')
	)
		error(404, 'Not found');
	const data = await storage.get(photoKey(row.id, row.photo.version, size));
	if (!data) error(404, 'Not found');
	const isPublic = row.listed === 'public' && row.visibility.photo === 'public';
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': 'image/webp',
			'cache-control': isPublic ? 'public, max-age=86400' : 'private, max-age=3600',
			'content-security-policy': "default-src 'none'",
			'x-content-type-options': 'nosniff'
		}
	});
};
