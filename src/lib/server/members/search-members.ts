import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DirectoryQuery } from '#lib/members/directory.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { searchKey } from '../search/normalise.ts';
import { prefixQuery } from '../search/text-match.ts';
import { memberProfile } from './schema.ts';
import { profileColumns } from './get-profile.ts';
import { labelsFor } from '../esco/search-esco.ts';
import { toProfileView, type ProfileRow } from './profile-view.ts';

/**
 * The member directory. Visitors search and filter only what is public, members what is public or
 * for members; the columns searched are derived from visibility on every save (search-data.ts), so
 * a hidden field cannot match. Names also match by similarity ("Mohamed" finds "Mohammed").
 */
export async function searchMembers(db: Db, actor: Actor, query: DirectoryQuery, language = 'en') {
	const audience = actor ? 'members' : 'public';
	const text = audience === 'members' ? memberProfile.searchMembers : memberProfile.searchPublic;
	const facets = audience === 'members' ? memberProfile.facetsMembers : memberProfile.facetsPublic;
	// Written exactly as the partial indexes' predicates (schema.ts), so the planner can use them.
	const conditions: SQL[] = [
		audience === 'members'
			? sql`${memberProfile.listed} <> 'nobody'`
			: sql`${memberProfile.listed} = 'public'`
	];
	const wanted = [
		query.origin && `origin:${query.origin}`,
		query.residence && `res:${query.residence}`,
		query.language && `lang:${query.language}`,
		query.expertise && `esco:${query.expertise}`,
		query.interest && `interest:${searchKey(query.interest)}`
	].filter(Boolean) as string[];
	if (wanted.length) conditions.push(sql`${facets} @> ${sql.param(wanted)}::text[]`);

	const key = searchKey(query.q);
	const order: SQL[] = [];
	if (key) {
		const tsq = prefixQuery(key);
		conditions.push(
			sql`(${text} @@ to_tsquery('simple', ${tsq}) or ${key} <% ${memberProfile.nameKey})`
		);
		order.push(
			sql`greatest(word_similarity(${key}, ${memberProfile.nameKey}), ts_rank(${text}, to_tsquery('simple', ${tsq}))) desc`
		);
	}
	const offset = (query.page - 1) * query.per_page;
	// Rank, count and cut on member_profile alone; only the page's rows are joined to their names.
	const page = db
		.select({
			userId: memberProfile.userId,
			total: sql<number>`count(*) over ()`.as('total'),
			position:
				sql<number>`row_number() over (order by ${sql.join([...order, sql`${memberProfile.nameKey}`, sql`${memberProfile.userId}`], sql`, `)})`.as(
					'position'
				)
		})
		.from(memberProfile)
		.where(and(...conditions))
		.orderBy(...order, memberProfile.nameKey, memberProfile.userId)
		.limit(query.per_page)
		.offset(offset)
		.as('page');
	const rows = await db
		.select({ ...profileColumns, total: sql<number>`${page.total}`.mapWith(Number) })
		.from(page)
		.innerJoin(memberProfile, eq(memberProfile.userId, page.userId))
		.innerJoin(user, eq(user.id, page.userId))
		.orderBy(page.position);
	const viewerFor = (id: string) => (actor?.id === id ? 'owner' : actor ? 'member' : 'visitor');
	const labels = await labelsFor(db, [...new Set(rows.flatMap((r) => r.expertise))], language);
	const items = rows
		.map((r) => toProfileView(r as unknown as ProfileRow, viewerFor(r.id), labels, { bio: false }))
		.filter((v) => v !== null);
	return { items, total: rows[0]?.total ?? 0, page: query.page, perPage: query.per_page };
}
