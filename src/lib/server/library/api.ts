import type { Db } from '../db/client.ts';
import { readResource, searchResources } from './read.ts';

type Found = Awaited<ReturnType<typeof searchResources>>['items'][number];

/** A published resource as the API gives it: where to read it and, for files, to download it. */
function item(r: Found | NonNullable<Awaited<ReturnType<typeof readResource>>>, origin: string) {
	const page = `${origin}/${r.language}/library/${r.id}`;
	const file =
		'file' in r ? r.file : r.fileBytes ? { type: r.fileType!, bytes: r.fileBytes } : null;
	return {
		id: r.id,
		kind: r.kind,
		title: r.title,
		language: r.language,
		themes: r.themes,
		country: r.country,
		link: r.url,
		file: file ? { type: file.type, bytes: file.bytes, url: `${page}/file` } : null,
		downloads: r.downloads,
		created_at: r.createdAt.toISOString(),
		demo: r.demo,
		url: page
	};
}

export async function apiResources(
	db: Db,
	filters: Parameters<typeof searchResources>[1],
	origin: string
) {
	const found = await searchResources(db, filters);
	return {
		items: found.items.map((r) => item(r, origin)),
		page: found.page,
		has_next: found.hasNext
	};
}

/** One published resource, with its description and its translations. */
export async function apiResource(db: Db, id: string, origin: string) {
	const r = await readResource(db, null, id);
	if (!r) return null;
	return {
		...item(r, origin),
		description_html: r.html,
		translations: r.translations.map((t) => ({ id: t.id, language: t.language, title: t.title }))
	};
}
