import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { OpportunityType } from '#lib/opportunities/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { organisationAccess } from '../organisations/access.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { heldIds, isHeld } from '../moderation/holds.ts';
import { moderationHold } from '../moderation/schema.ts';
import { labelsFor } from '../esco/search-esco.ts';
import { searchKey } from '../search/normalise.ts';
import { prefixQuery } from '../search/text-match.ts';
import { canOpportunity, type OpportunityAction, type OpportunityTie } from './policy.ts';
import { opportunity, opportunityApplication } from './schema.ts';

export const OPPORTUNITIES_PAGE = 20;
/**
 * How many of the newest matches are ranked when words are given (as in the library, fewer:
 * posts close within a year, and a common word matched half of 10,000 posts, 19 ms to rank 1,000).
 */
const RANKED_MATCHES = 300;

export type OpportunityRow = typeof opportunity.$inferSelect;

const published = sql`not exists (select 1 from ${moderationHold} h where h.kind = 'opportunity' and h.subject_id = ${opportunity.id})`;

/** Open: not closed, and its last day not over. */
export const isOpen = (o: Pick<OpportunityRow, 'status' | 'deadline'>, now = new Date()) =>
	o.status === 'open' && o.deadline.getTime() > now.getTime();

/** An opportunity with what the actor is to it, or null when they may not `action` it (404). */
export async function opportunityAccess(
	db: Db | Tx,
	actor: Actor,
	id: string,
	action: OpportunityAction = 'see',
	now = new Date()
) {
	if (!id || id.length > 64) return null;
	const [row] = await db
		.select({ o: opportunity, application: opportunityApplication })
		.from(opportunity)
		.leftJoin(
			opportunityApplication,
			and(
				eq(opportunityApplication.opportunityId, opportunity.id),
				eq(opportunityApplication.applicantId, actor?.id ?? '')
			)
		)
		.where(eq(opportunity.id, id));
	if (!row) return null;
	const o = row.o;
	let poster = !!actor && o.posterId === actor.id;
	if (!poster && actor && o.organisationId)
		poster = !!(await organisationAccess(db, actor, { id: o.organisationId }))?.may('work');
	const tie: OpportunityTie = {
		poster,
		held: await isHeld(db, 'opportunity', o.id),
		open: isOpen(o, now),
		applied: !!row.application
	};
	if (!canOpportunity(actor, action, tie)) return null;
	return {
		opportunity: o,
		application: row.application,
		tie,
		may: (a: OpportunityAction) => canOpportunity(actor, a, tie)
	};
}

export type OpportunityFilters = {
	q?: string;
	type?: OpportunityType;
	country?: string;
	skill?: string;
	language?: string;
	/** Only those whose deadline is on or after this day (YYYY-MM-DD). */
	deadlineAfter?: string;
	page: number;
};

const listColumns = {
	id: opportunity.id,
	type: opportunity.type,
	title: opportunity.title,
	excerpt: sql<string>`left(${opportunity.description}, 240)`.as('excerpt'),
	language: opportunity.language,
	workplace: opportunity.workplace,
	countries: opportunity.countries,
	origins: opportunity.origins,
	required: opportunity.required,
	optional: opportunity.optional,
	languages: opportunity.languages,
	deadline: opportunity.deadline,
	pay: opportunity.pay,
	organisationId: opportunity.organisationId,
	createdAt: opportunity.createdAt,
	demo: opportunity.demo
};

/**
 * Published opportunities still open, matching the words (title and description, by prefix)
 * and the filters: the best of the newest matches first when words are given, else the newest.
 * A country matches a post there, for people from there, or anywhere (no country given).
 */
export async function searchOpportunities(db: Db, f: OpportunityFilters, now = new Date()) {
	const key = searchKey(f.q ?? '').slice(0, 100);
	const query = key ? sql`to_tsquery('simple', ${prefixQuery(key)})` : null;
	const after = f.deadlineAfter ? new Date(`${f.deadlineAfter}T00:00:00Z`) : null;
	const where: (SQL | undefined)[] = [
		published,
		eq(opportunity.status, 'open'),
		gt(opportunity.deadline, after && after > now ? after : now),
		query ? sql`${opportunity.search} @@ ${query}` : undefined,
		f.type ? eq(opportunity.type, f.type) : undefined,
		f.country
			? sql`(${opportunity.countries} @> array[${f.country}]::text[] or ${opportunity.origins} @> array[${f.country}]::text[] or cardinality(${opportunity.countries}) = 0)`
			: undefined,
		f.skill
			? sql`(${opportunity.required} @> array[${f.skill}]::text[] or ${opportunity.optional} @> array[${f.skill}]::text[])`
			: undefined,
		f.language
			? sql`${opportunity.languages} @> ${JSON.stringify([{ code: f.language }])}::jsonb`
			: undefined
	];
	const offset = (f.page - 1) * OPPORTUNITIES_PAGE;
	let rows;
	if (query) {
		const newest = db
			.select({
				...listColumns,
				rank: sql<number>`ts_rank(${opportunity.search}, ${query})`.as('rank')
			})
			.from(opportunity)
			.where(and(...where))
			.orderBy(desc(opportunity.createdAt), desc(opportunity.id))
			.limit(RANKED_MATCHES)
			.as('newest');
		const ranked = await db
			.select()
			.from(newest)
			.orderBy(desc(newest.rank), desc(newest.createdAt), desc(newest.id))
			.limit(OPPORTUNITIES_PAGE + 1)
			.offset(offset);
		rows = ranked.map(({ rank, ...row }) => (void rank, row));
	} else {
		rows = await db
			.select(listColumns)
			.from(opportunity)
			.where(and(...where))
			.orderBy(desc(opportunity.createdAt), desc(opportunity.id))
			.limit(OPPORTUNITIES_PAGE + 1)
			.offset(offset);
	}
	return {
		items: rows.slice(0, OPPORTUNITIES_PAGE),
		hasNext: rows.length > OPPORTUNITIES_PAGE,
		page: f.page
	};
}

/** Every open, published opportunity as matching reads it (the suggestions, the CLI, bench/). */
export async function openAsks(db: Db, now = new Date()) {
	return db
		.select({
			id: opportunity.id,
			required: opportunity.required,
			optional: opportunity.optional,
			languages: opportunity.languages,
			countries: opportunity.countries,
			origins: opportunity.origins,
			workplace: opportunity.workplace
		})
		.from(opportunity)
		.where(and(published, eq(opportunity.status, 'open'), gt(opportunity.deadline, now)));
}

/** One opportunity as its reader sees it: its description rendered, its skills labelled. */
export async function readOpportunity(db: Db, actor: Actor, id: string, language: string) {
	const access = await opportunityAccess(db, actor, id);
	if (!access) return null;
	const o = access.opportunity;
	const [by] = await db
		.select({ poster: user.name, organisation: organisation.name, slug: organisation.slug })
		.from(opportunity)
		.leftJoin(user, eq(user.id, opportunity.posterId))
		.leftJoin(organisation, eq(organisation.id, opportunity.organisationId))
		.where(eq(opportunity.id, id));
	const labels = await labelsFor(db, [...o.required, ...o.optional], language);
	const skill = (uri: string) => ({ uri, label: labels.get(uri) ?? uri });
	return {
		...access,
		html: renderMarkdown(o.description),
		required: o.required.map(skill),
		optional: o.optional.map(skill),
		poster: by?.organisation ?? by?.poster ?? null,
		organisationSlug: by?.slug ?? null
	};
}

/** The actor's own posts, whether each still waits for a moderator, and how many applied. */
export async function myOpportunities(db: Db, userId: string) {
	const rows = await db
		.select({
			id: opportunity.id,
			title: opportunity.title,
			language: opportunity.language,
			deadline: opportunity.deadline,
			status: opportunity.status,
			applicants: sql<number>`(select count(*)::int from ${opportunityApplication} a where a.opportunity_id = ${opportunity.id})`
		})
		.from(opportunity)
		.where(eq(opportunity.posterId, userId))
		.orderBy(desc(opportunity.createdAt))
		.limit(100);
	const held = await heldIds(
		db,
		'opportunity',
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, waiting: held.has(r.id) }));
}
