import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { atomFeed } from '../platform/atom.ts';
import { readOpportunity, searchOpportunities, type OpportunityFilters } from './read.ts';
import { opportunity } from './schema.ts';

type Listed = Awaited<ReturnType<typeof searchOpportunities>>['items'][number];

/** A published opportunity as the API gives it: its skills as ESCO URIs, where to read it. */
function item(o: Listed, origin: string) {
	return {
		id: o.id,
		type: o.type,
		title: o.title,
		language: o.language,
		workplace: o.workplace,
		countries: o.countries,
		origins: o.origins,
		skills: { essential: o.required, optional: o.optional },
		languages: o.languages,
		deadline: o.deadline.toISOString(),
		pay: o.pay,
		created_at: o.createdAt.toISOString(),
		demo: o.demo,
		url: `${origin}/${o.language}/opportunities/${o.id}`
	};
}

export async function apiOpportunities(db: Db, filters: OpportunityFilters, origin: string) {
	const found = await searchOpportunities(db, filters);
	return {
		items: found.items.map((o) => item(o, origin)),
		page: found.page,
		has_next: found.hasNext
	};
}

/** One published opportunity, open or closed, with its description and who posted it. */
export async function apiOpportunity(db: Db, id: string, origin: string) {
	const found = await readOpportunity(db, null, id, 'en');
	if (!found) return null;
	const o = found.opportunity;
	return {
		...item({ ...o, excerpt: '', organisationId: o.organisationId }, origin),
		status: found.tie.open ? 'open' : 'closed',
		description: o.description,
		description_html: found.html,
		posted_by: found.poster,
		organisation: found.organisationSlug
	};
}

const FEED_ITEMS = 30;

/** The newest published opportunities still open, as an Atom feed. */
export async function opportunitiesFeed(db: Db, origin: string, locale: string, title: string) {
	const { items } = await searchOpportunities(db, { page: 1 });
	const shown = items.slice(0, FEED_ITEMS);
	const rows = shown.length
		? await db
				.select({
					id: opportunity.id,
					description: opportunity.description,
					poster: user.name,
					organisation: organisation.name
				})
				.from(opportunity)
				.leftJoin(user, eq(user.id, opportunity.posterId))
				.leftJoin(organisation, eq(organisation.id, opportunity.organisationId))
				.where(
					inArray(
						opportunity.id,
						shown.map((o) => o.id)
					)
				)
				.orderBy(desc(opportunity.createdAt))
		: [];
	const more = new Map(rows.map((r) => [r.id, r]));
	const base = `${origin}/${locale}`;
	return atomFeed({
		home: `${base}/opportunities`,
		self: `${base}/opportunities/feed.atom`,
		title,
		language: locale,
		updated: shown[0]?.createdAt ?? new Date(0),
		entries: shown.map((o) => ({
			url: `${base}/opportunities/${o.id}`,
			title: o.title,
			published: o.createdAt,
			updated: o.createdAt,
			author: more.get(o.id)?.organisation ?? more.get(o.id)?.poster ?? null,
			html: renderMarkdown(more.get(o.id)?.description ?? ''),
			language: o.language
		}))
	});
}
