import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { LibraryFilters } from '#lib/library/forms.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { fileReport } from '../moderation/report.ts';
import { heldIds, isHeld } from '../moderation/holds.ts';
import { moderationHold } from '../moderation/schema.ts';
import { failure, type Result } from '../platform/result.ts';
import { searchKey } from '../search/normalise.ts';
import { prefixQuery } from '../search/text-match.ts';
import type { Storage } from '../platform/storage.ts';
import { resourceSubject } from './contribute.ts';
import { canResource } from './policy.ts';
import { resource } from './schema.ts';

export const LIBRARY_PAGE = 20;

const published = sql`not exists (select 1 from ${moderationHold} h where h.kind = 'resource' and h.subject_id = ${resource.id})`;

/**
 * How many of the newest matches are ranked when words are given. Ranking reads every match's
 * text, so a common word over a large library would cost a scan of it; the newest matches are
 * found from the date index instead, and the best of them come first.
 */
export const RANKED_MATCHES = 1000;

/**
 * The library: published resources matching the words (title and description, any script, by
 * prefix) and the filters; the best of the newest RANKED_MATCHES matches first when words are
 * given, else the newest.
 */
export async function searchResources(db: Db, filters: LibraryFilters) {
	const key = searchKey(filters.q).slice(0, 100);
	const query = key ? sql`to_tsquery('simple', ${prefixQuery(key)})` : null;
	const where: (SQL | undefined)[] = [
		published,
		query ? sql`${resource.search} @@ ${query}` : undefined,
		filters.theme ? sql`${resource.themes} @> array[${filters.theme}]::text[]` : undefined,
		filters.kind ? eq(resource.kind, filters.kind) : undefined,
		filters.language ? eq(resource.language, filters.language) : undefined,
		filters.country ? eq(resource.country, filters.country) : undefined
	];
	const columns = {
		id: resource.id,
		kind: resource.kind,
		title: resource.title,
		excerpt: sql<string>`left(${resource.description}, 240)`.as('excerpt'),
		language: resource.language,
		themes: resource.themes,
		country: resource.country,
		downloads: resource.downloads,
		fileType: resource.fileType,
		fileBytes: resource.fileBytes,
		url: resource.url,
		createdAt: resource.createdAt,
		demo: resource.demo
	};
	const offset = (filters.page - 1) * LIBRARY_PAGE;
	let rows;
	if (query) {
		const newest = db
			.select({ ...columns, rank: sql<number>`ts_rank(${resource.search}, ${query})`.as('rank') })
			.from(resource)
			.where(and(...where))
			.orderBy(desc(resource.createdAt), desc(resource.id))
			.limit(RANKED_MATCHES)
			.as('newest');
		const ranked = await db
			.select()
			.from(newest)
			.orderBy(desc(newest.rank), desc(newest.createdAt), desc(newest.id))
			.limit(LIBRARY_PAGE + 1)
			.offset(offset);
		rows = ranked.map(({ rank, ...row }) => (void rank, row));
	} else {
		rows = await db
			.select(columns)
			.from(resource)
			.where(and(...where))
			.orderBy(desc(resource.createdAt), desc(resource.id))
			.limit(LIBRARY_PAGE + 1)
			.offset(offset);
	}
	return {
		items: rows.slice(0, LIBRARY_PAGE),
		hasNext: rows.length > LIBRARY_PAGE,
		page: filters.page
	};
}

/** One resource as its reader may see it, with its translations that are published. */
export async function readResource(db: Db, actor: Actor, id: string) {
	if (!id || id.length > 64) return null;
	const [row] = await db
		.select({
			r: resource,
			contributor: user.name,
			orgName: organisation.name,
			orgSlug: organisation.slug
		})
		.from(resource)
		.leftJoin(user, eq(user.id, resource.contributorId))
		.leftJoin(organisation, eq(organisation.id, resource.organisationId))
		.where(eq(resource.id, id));
	if (!row) return null;
	const tie = {
		contributor: !!actor && row.r.contributorId === actor.id,
		held: await isHeld(db, 'resource', id)
	};
	if (!canResource(actor, 'see', tie)) return null;
	const others = await db
		.select({ id: resource.id, language: resource.language, title: resource.title })
		.from(resource)
		.where(
			and(eq(resource.translationGroup, row.r.translationGroup), ne(resource.id, id), published)
		)
		.orderBy(resource.language);
	const r = row.r;
	return {
		id,
		kind: r.kind,
		title: r.title,
		html: renderMarkdown(r.description),
		language: r.language,
		themes: r.themes,
		country: r.country,
		url: r.url,
		file: r.fileKey ? { name: r.fileName!, type: r.fileType!, bytes: r.fileBytes ?? 0 } : null,
		downloads: r.downloads,
		contributor: row.orgName ? null : row.contributor,
		organisation: row.orgName ? { name: row.orgName, slug: row.orgSlug! } : null,
		createdAt: r.createdAt,
		translations: others,
		held: tie.held,
		mine: tie.contributor,
		mayTranslate: canResource(actor, 'translate', tie),
		mayReport: canResource(actor, 'report', tie),
		demo: r.demo
	};
}

/**
 * A resource's file, when its reader may see it; each download counts once for the library's
 * "downloaded N times" (not the contributor's own, nor while it waits).
 */
export async function resourceFile(deps: { db: Db; storage: Storage }, actor: Actor, id: string) {
	const seen = await readResource(deps.db, actor, id);
	if (!seen?.file) return null;
	const [row] = await deps.db
		.select({ key: resource.fileKey })
		.from(resource)
		.where(eq(resource.id, id));
	const data = row?.key ? await deps.storage.get(row.key) : null;
	if (!data) return null;
	if (!seen.held && !seen.mine)
		await deps.db
			.update(resource)
			.set({ downloads: sql`${resource.downloads} + 1` })
			.where(eq(resource.id, id));
	return { data, ...seen.file, kind: seen.kind };
}

/** A reader reports a published resource someone else contributed. */
export async function reportResource(
	db: Db,
	actor: Actor,
	id: string,
	raw: unknown
): Promise<Result<{ caseId: string }>> {
	const seen = await readResource(db, actor, id);
	if (!seen || !actor || !seen.mayReport) return failure('not_found');
	const [row] = await db.select().from(resource).where(eq(resource.id, id));
	return fileReport(
		db,
		actor,
		resourceSubject(id, row.contributorId, row.title, row.description),
		raw
	);
}

/** What a contributor sees of their own contributions: each, and whether it still waits. */
export async function myResources(db: Db, userId: string) {
	const rows = await db
		.select({
			id: resource.id,
			title: resource.title,
			language: resource.language,
			createdAt: resource.createdAt
		})
		.from(resource)
		.where(eq(resource.contributorId, userId))
		.orderBy(desc(resource.createdAt))
		.limit(100);
	const held = await heldIds(
		db,
		'resource',
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, waiting: held.has(r.id) }));
}
