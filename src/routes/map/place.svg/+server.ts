import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { mapWindow } from '#lib/places/local-map.ts';
import { townsIn } from '#lib/server/places/map-towns.ts';
import { placeMapSvg } from '#lib/server/places/draw-map.ts';
import { locales } from '#lib/paraglide/runtime.js';

/**
 * The place picker's map (`<input type="image">` on the place form): towns around `lat`/`lon`,
 * `km` from the centre to a side, names in `lang`, a mark at the centre when `mark=1`. Public
 * data only (the gazetteer), so it is cached like a static image.
 */
export const GET: RequestHandler = async ({ url }) => {
	const q = url.searchParams;
	const w = mapWindow(q.get('lat'), q.get('lon'), q.get('km'));
	if (!w) error(400, 'lat, lon and km are needed');
	const lang = (locales as readonly string[]).includes(q.get('lang') ?? '') ? q.get('lang')! : 'en';
	const { database } = await app();
	const towns = await townsIn(database.db, w, lang);
	return new Response(placeMapSvg(w, towns, q.get('mark') === '1' ? w : null), {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'cache-control': 'public, max-age=86400',
			'content-security-policy': "default-src 'none'"
		}
	});
};
