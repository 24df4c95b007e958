import type { Db } from '../db/client.ts';
import { courseOverview, listCourses } from './read.ts';

/** Published courses open to all, as the API lists them. */
export async function apiCourses(
	db: Db,
	opts: { language?: string; page: number },
	origin: string
) {
	const found = await listCourses(db, { languages: [], language: opts.language, page: opts.page });
	return {
		items: found.items.map((c) => ({
			id: c.id,
			slug: c.slug,
			title: c.title,
			summary: c.summary,
			language: c.language,
			organisation: c.organisation,
			lessons: c.lessons,
			minutes: c.minutes,
			published_at: c.publishedAt?.toISOString() ?? null,
			demo: c.demo,
			url: `${origin}/${c.language}/courses/${c.slug}`
		})),
		page: found.page,
		has_next: found.hasNext
	};
}

/** One published open course (by slug) with its outline. */
export async function apiCourse(db: Db, slug: string, origin: string) {
	const c = await courseOverview(db, null, slug);
	if (!c || !c.published || c.audience !== 'open') return null;
	return {
		id: c.id,
		slug: c.slug,
		title: c.title,
		summary: c.summary,
		language: c.language,
		organisation: c.organisation?.name ?? null,
		modules: c.modules.map((m) => ({
			title: m.title,
			lessons: m.lessons.map((l) => ({
				id: l.id,
				kind: l.kind,
				title: l.title,
				minutes: l.minutes,
				url: `${origin}/${c.language}/courses/${c.slug}/${l.id}`
			}))
		})),
		translations: c.translations.map((t) => ({
			slug: t.slug,
			language: t.language,
			title: t.title
		})),
		url: `${origin}/${c.language}/courses/${c.slug}`
	};
}
