import { sql } from 'drizzle-orm';
import type { DirectoryQuery } from '#lib/members/directory.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { searchKey } from '../search/normalise.ts';
import { queryTokens } from '../search/text-match.ts';
import { namesQuery } from '../search/cross-script.ts';
import { labelsFor } from '../esco/search-esco.ts';
import { withNarrower } from '../esco/skill-concepts.ts';
import { hiddenFrom } from './blocks.ts';
import { heldIds } from '../moderation/holds.ts';
import { demoUserIds } from '../accounts/demo-accounts.ts';
import { toProfileView, type ProfileRow } from './profile-view.ts';
import { CAP, listStatement, textStatement, type Audience, type TextShape } from './search-sql.ts';

/** What the statements return: the page's profile columns, the total and whether it is a floor. */
const columns = {
	pos: sql<string>`r.pos`,
	id: sql<string>`r.id`,
	name: sql<string>`r.name`,
	listed: sql<ProfileRow['listed']>`r.listed`,
	visibility: sql<ProfileRow['visibility']>`r.visibility`,
	contentLocale: sql<string>`r.content_locale`,
	photo: sql<ProfileRow['photo']>`r.photo`,
	headline: sql<string | null>`r.headline`,
	originCountries: sql<string[]>`r.origin_countries`,
	residenceCountry: sql<string | null>`r.residence_country`,
	city: sql<string | null>`r.city`,
	languages: sql<ProfileRow['languages']>`r.languages`,
	expertise: sql<string[]>`r.expertise`,
	interests: sql<string[]>`r.interests`,
	bio: sql<string | null>`r.bio`,
	links: sql<ProfileRow['links']>`r.links`,
	total: sql<string>`r.total`,
	lowerBound: sql<boolean>`r.lower_bound`
};

type TextParams = {
	anyFacets: string[];
	key: string;
	tsq: string;
	driver: string;
	others: string[];
	otherStarts: string[];
	allStarts: string[];
	facets: string[];
	perPage: number;
	offset: number;
};

/** Named statements, prepared once per database and reused (planning costs as much as running). */
const prepared = new WeakMap<Db, Map<string, { execute: (p: TextParams) => Promise<unknown> }>>();

function preparedText(db: Db, shape: TextShape, audience: Audience) {
	let byName = prepared.get(db);
	if (!byName) prepared.set(db, (byName = new Map()));
	const name = `member_search_${shape}_${audience}`;
	let statement = byName.get(name);
	if (!statement) {
		statement = db
			.select(columns)
			.from(sql`(${textStatement(shape, audience)}) r`)
			.orderBy(sql`r.pos`)
			.prepare(name);
		byName.set(name, statement);
	}
	return statement;
}

type Row = { [K in keyof typeof columns]: (typeof columns)[K]['_']['type'] };

/** The filters as facet values (`origin:SY`, `res:FR`, …), as search-data.ts derives them. */
function wantedFacets(query: DirectoryQuery) {
	return [
		query.origin && `origin:${query.origin}`,
		query.residence && `res:${query.residence}`,
		query.language && `lang:${query.language}`,
		query.interest && `interest:${searchKey(query.interest)}`
	].filter(Boolean) as string[];
}

/**
 * The member directory. Visitors search and filter only what is public, members what is public or
 * for members: member_search holds, per audience, only what that audience may see (search-data.ts
 * derives it, a trigger copies it), so a hidden field cannot match. Names match by prefix and by
 * typo ("Mohamed" finds "Mohammed") and across scripts ("Sara" finds "سارة", cross-script.ts); other visible fields by their words. `total` is exact up to
 * a few hundred matches; past that `totalIsLowerBound` is true and `total` is a floor ("1,000+").
 */
export async function searchMembers(
	db: Db,
	actor: Actor,
	query: DirectoryQuery,
	language = 'en',
	opts: {
		/** Concepts any of which a member's expertise may be (skillConcepts), instead of query.expertise. */
		skills?: string[];
	} = {}
) {
	const audience: Audience = actor ? 'members' : 'public';
	const facets = wantedFacets(query);
	// A skill filters on the concept and those filed under it ("nurse" finds the specialist nurses).
	const skills =
		opts.skills ?? (query.expertise ? await withNarrower(db, [query.expertise]) : null);
	const anyFacets = (skills ?? []).map((u) => `esco:${u}`);
	if (skills && !skills.length)
		return {
			items: [],
			total: 0,
			totalIsLowerBound: false,
			page: query.page,
			perPage: query.per_page
		};
	const tokens = queryTokens(searchKey(query.q));
	const perPage = query.per_page;
	const offset = (query.page - 1) * perPage;
	let rows: Row[];
	if (!tokens.length) {
		rows = (await db
			.select(columns)
			.from(sql`(${listStatement(audience, facets, perPage, offset, anyFacets)}) r`)
			.orderBy(sql`r.pos`)) as Row[];
	} else {
		// The longest token drives the walk (its postings are the fewest); the others filter.
		const driver = tokens.reduce((a, b) => (b.length > a.length ? b : a));
		const others = tokens.filter((t) => t !== driver);
		// "starts a word of the name", tested against ' ' || name_key (tokens hold no % or _)
		const starts = (ts: string[]) => ts.map((t) => `% ${t}%`);
		const shape: TextShape = anyFacets.length
			? facets.length
				? 'textFacetsAny'
				: 'textAny'
			: facets.length
				? 'textFacets'
				: tokens.length > 1
					? 'text'
					: 'text1';
		rows = (await preparedText(db, shape, audience).execute({
			key: tokens.join(' '),
			tsq: namesQuery(tokens),
			driver,
			others,
			otherStarts: starts(others),
			allStarts: starts(tokens),
			facets,
			anyFacets,
			perPage,
			offset
		})) as Row[];
	}
	const seen = new Set<string>();
	// Members who blocked each other do not find each other (blocks.ts).
	const hidden = actor ? await hiddenFrom(db, actor.id) : new Set<string>();
	// Profiles moderators hid are not listed (their owners see them on their own page).
	for (const id of await heldIds(
		db,
		'profile',
		rows.map((r) => r.id)
	))
		hidden.add(id);
	rows = rows.filter((r) => !hidden.has(r.id) && !seen.has(r.id) && seen.add(r.id));
	const viewerFor = (id: string) => (actor?.id === id ? 'owner' : actor ? 'member' : 'visitor');
	const [labels, demo] = await Promise.all([
		labelsFor(db, [...new Set(rows.flatMap((r) => r.expertise))], language),
		demoUserIds(
			db,
			rows.map((r) => r.id)
		)
	]);
	const items = rows
		.map((r) =>
			toProfileView({ ...(r as ProfileRow), demo: demo.has(r.id) }, viewerFor(r.id), labels, {
				bio: false
			})
		)
		.filter((v) => v !== null);
	const lowerBound = rows[0]?.lowerBound ?? false;
	const total = Number(rows[0]?.total ?? 0);
	return {
		items,
		// past the cap, "1,000+" rather than "1,001+"
		total: lowerBound ? Math.min(total, CAP) : total,
		totalIsLowerBound: lowerBound,
		page: query.page,
		perPage
	};
}
