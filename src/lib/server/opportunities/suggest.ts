import { eq, inArray } from 'drizzle-orm';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { namesOf } from '../accounts/names.ts';
import { occupationSkills } from '../esco/relations.ts';
import { rankAsks, rankPeople, type Ask, type Person, type Scored } from '../matching/score.ts';
import { explain } from '../matching/explain.ts';
import { matchingPeople, peopleHolding } from '../skills/match-people.ts';
import { opportunityAccess, openAsks } from './read.ts';
import { opportunity } from './schema.ts';

type AskRow = Awaited<ReturnType<typeof openAsks>>[number];

/** An opportunity as matching reads it: its skills, languages, and where or for whom it is. */
export const askOf = (o: AskRow): Ask => ({
	id: o.id,
	skills: [
		...o.required.map((uri) => ({ uri, essential: true })),
		...o.optional.map((uri) => ({ uri, essential: false }))
	],
	languages: o.languages,
	countries: [...o.countries, ...o.origins],
	remote: o.workplace !== 'on_site'
});

/** Titles and languages of these opportunities, by id (one query). */
async function titlesOf(db: Db, ids: string[]) {
	if (!ids.length) return new Map<string, { title: string; language: string }>();
	const rows = await db
		.select({ id: opportunity.id, title: opportunity.title, language: opportunity.language })
		.from(opportunity)
		.where(inArray(opportunity.id, ids));
	return new Map(rows.map((t) => [t.id, { title: t.title, language: t.language }]));
}

const nobody = (id: string): Person => ({
	id,
	skills: [],
	occupations: [],
	languages: [],
	countries: []
});

/** Every open opportunity ranked for one member, best first (the CLI prints it all). */
export async function rankOpportunitiesFor(db: Db, userId: string, now = new Date()) {
	const [person] = await matchingPeople(db, [userId], { listedOnly: false });
	const me = person ?? nobody(userId);
	const asks = (await openAsks(db, now)).map(askOf);
	return rankAsks(me, asks, await occupationSkills(db, me.occupations));
}

/** The members who might hold what an opportunity asks, ranked best first. */
export async function rankPeopleFor(db: Db, opportunityId: string, exclude: string[] = []) {
	const [o] = await db.select().from(opportunity).where(eq(opportunity.id, opportunityId));
	if (!o) return null;
	const skip = new Set([...exclude, ...(o.posterId ? [o.posterId] : [])]);
	const ids = (await peopleHolding(db, [...o.required, ...o.optional])).filter(
		(id) => !skip.has(id)
	);
	const people = await matchingPeople(db, ids);
	const relations = await occupationSkills(
		db,
		people.flatMap((p) => p.occupations),
		[...o.required, ...o.optional]
	);
	return rankPeople(people, askOf(o), relations);
}

/**
 * Worth suggesting: a fair score that rests on something the person has (a skill asked, or the
 * place when nothing is asked). A post that asks nothing is not suggested to everyone.
 */
const worth = (s: Scored) =>
	s.score >= 0.2 &&
	s.reasons.some(
		(r) =>
			((r.kind === 'essential' || r.kind === 'optional') && r.have > 0) ||
			(r.kind === 'country' &&
				!s.reasons.some((x) => x.kind === 'essential' || x.kind === 'optional'))
	);

/** "Suggested for you": the best open opportunities for the actor, each with its reasons. */
export async function suggestedOpportunities(db: Db, actor: Actor, locale: Locale, limit = 5) {
	if (!actor) return [];
	const ranked = (await rankOpportunitiesFor(db, actor.id)).filter(worth).slice(0, limit);
	if (!ranked.length) return [];
	const titles = await titlesOf(
		db,
		ranked.map((r) => r.id)
	);
	return (await explain(db, ranked, locale)).map((e) => ({ ...e, ...titles.get(e.id)! }));
}

/** "Suggested people" for the poster's side of an opportunity: who might fit, and why. */
export async function suggestedPeople(
	db: Db,
	actor: Actor,
	opportunityId: string,
	locale: Locale,
	limit = 10
) {
	const access = await opportunityAccess(db, actor, opportunityId, 'see-applications');
	if (!access) return null;
	const ranked = ((await rankPeopleFor(db, opportunityId, [actor!.id])) ?? [])
		.filter(worth)
		.slice(0, limit);
	if (!ranked.length) return [];
	const names = await namesOf(
		db,
		ranked.map((r) => r.id)
	);
	return (await explain(db, ranked, locale)).map((e) => ({ ...e, name: names.get(e.id) ?? '' }));
}

/**
 * The ranking programme staff read from the command line: for a member, the open opportunities;
 * for an opportunity, the members who might fit; best first, each with its score and reasons in
 * `locale`, and a title or name. Null when there is no such member or opportunity.
 */
export async function matchRanking(
	db: Db,
	target: { member: string } | { opportunity: string },
	locale: Locale,
	limit = 20
) {
	if ('member' in target) {
		if (!(await namesOf(db, [target.member])).size) return null;
		const ranked = (await rankOpportunitiesFor(db, target.member)).slice(0, limit);
		const titles = await titlesOf(
			db,
			ranked.map((r) => r.id)
		);
		return (await explain(db, ranked, locale)).map((e) => ({
			...e,
			title: titles.get(e.id)?.title ?? ''
		}));
	}
	const ranked = await rankPeopleFor(db, target.opportunity);
	if (!ranked) return null;
	const top = ranked.slice(0, limit);
	const names = await namesOf(
		db,
		top.map((r) => r.id)
	);
	return (await explain(db, top, locale)).map((e) => ({ ...e, name: names.get(e.id) ?? '' }));
}
