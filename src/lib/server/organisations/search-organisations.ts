import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DirectoryQuery } from '#lib/members/directory.ts';
import type { OrganisationSummary } from '#lib/organisations/view.ts';
import type { Db } from '../db/client.ts';
import { organisation } from './schema.ts';
import { searchKey } from '../search/normalise.ts';
import { wordsOrSimilarName } from '../search/text-match.ts';
import { publicOrganisation } from './public.ts';

export const summaryColumns = {
	id: organisation.id,
	slug: organisation.slug,
	name: organisation.name,
	kind: organisation.kind,
	countries: organisation.countries,
	contentLocale: organisation.contentLocale,
	status: organisation.status,
	logo: organisation.logo,
	demo: organisation.demo
};

/** Approved organisations by name and description (same matching as members), type and country. */
export async function searchOrganisations(db: Db, query: DirectoryQuery) {
	const conditions: SQL[] = [publicOrganisation()];
	if (query.kind) conditions.push(eq(organisation.kind, query.kind));
	const country = query.residence || query.origin;
	if (country) conditions.push(sql`${organisation.countries} @> ${sql.param([country])}::text[]`);
	const key = searchKey(query.q);
	const order: SQL[] = [];
	if (key) {
		conditions.push(wordsOrSimilarName(organisation.search, organisation.nameKey, key));
		order.push(sql`word_similarity(${key}, ${organisation.nameKey}) desc`);
	}
	const rows = await db
		.select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
		.from(organisation)
		.where(and(...conditions))
		.orderBy(...order, organisation.nameKey, organisation.id)
		.limit(query.per_page)
		.offset((query.page - 1) * query.per_page);
	const items: OrganisationSummary[] = rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		name: r.name,
		kind: r.kind,
		countries: r.countries,
		contentLocale: r.contentLocale,
		status: r.status,
		hasLogo: !!r.logo,
		demo: r.demo
	}));
	return { items, total: rows[0]?.total ?? 0, page: query.page, perPage: query.per_page };
}
