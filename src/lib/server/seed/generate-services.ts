import { random } from './generate-population.ts';
import {
	type Locale,
	LOCALES,
	type City,
	CITIES,
	VISITOR_LANGUAGES,
	NEEDS,
	ELIGIBILITY,
	APPLY,
	DOCUMENTS,
	FEES,
	INTERPRETATION,
	PLACES,
	STREETS,
	ORGANISATION_NAMES,
	ORGANISATION_ABOUT,
	PURPOSE,
	DECLINE_REASONS,
	FEEDBACK,
	NOTES,
	FIRST,
	LAST
} from './generate-services-data.ts';
import { CLOSE_OUTCOMES, COMPLETE_OUTCOMES } from '#lib/referrals/statuses.ts';
import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import type { ServiceTexts } from '#lib/services/service-form.ts';
import { languageName } from '#lib/members/codes.ts';
import { ORGANISATION_KINDS } from '#lib/members/organisation-kinds.ts';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { organisationSearch } from '../organisations/create-organisation.ts';
import {
	referral,
	referralEvent,
	type ReferralPerson,
	type ReferralStatus
} from '../referrals/schema.ts';
import { searchKey } from '../search/normalise.ts';
import type { HsdsLocation, HsdsSchedule, HsdsService } from '../services/hsds-types.ts';
import { openingsFrom } from '../services/openings.ts';
import { service, serviceAtLocation, serviceLocation, serviceOpening } from '../services/schema.ts';
import { isFree, languageCodes, shortCodeFor, termIdsOf } from '../services/store.ts';

/**
 * A synthetic directory of services (and referrals between organisations) for benchmarks and
 * demos. Everything is computed here and written with multi-row inserts: storeService row by row
 * would take an hour for 100,000 referrals. The derived columns are the ones storeService writes.
 *
 * Ids are derived from the seed and each row's position, and every insert skips rows that exist:
 * running it again with the same options adds nothing; a larger count adds the difference.
 */

/** A UUID-shaped id from the seed and a key (HSDS wants uuids; the same run gives the same ids). */
function idFor(seed: number, ...key: (string | number)[]) {
	const h = createHash('sha256')
		.update(`${seed}:${key.join(':')}`)
		.digest('hex');
	const variant = '89ab'[parseInt(h[16], 16) & 3];
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A 32-bit seed from the run's seed and a key, for values that must not depend on list order. */
function seedFor(seed: number, ...key: (string | number)[]) {
	return parseInt(
		createHash('sha256')
			.update(`${seed}:${key.join(':')}`)
			.digest('hex')
			.slice(0, 8),
		16
	);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Pattern =
	'office' | 'split' | 'long' | 'overnight' | 'always' | 'weekend' | 'evenings' | 'none';

/** Weekly hours a kind of service tends to keep (weights per pattern). */
function patternFor(need: string, r: number): Pattern {
	if (r < 0.05) return 'none';
	const p = (r - 0.05) / 0.95;
	switch (need) {
		case 'housing':
			return p < 0.5 ? 'overnight' : p < 0.7 ? 'long' : 'office';
		case 'gbv':
			return p < 0.35 ? 'always' : 'office';
		case 'health':
			return p < 0.3 ? 'long' : 'office';
		case 'language-courses':
			return p < 0.5 ? 'evenings' : p < 0.8 ? 'split' : 'weekend';
		case 'food':
		case 'children':
			return p < 0.45 ? 'split' : p < 0.75 ? 'weekend' : 'office';
		default:
			return p < 0.6 ? 'office' : p < 0.9 ? 'split' : 'weekend';
	}
}

/** HSDS weekly schedules (RFC 5545 byday); a closing time at or before opening runs past midnight. */
function schedulesFor(pattern: Pattern, c: City): [byday: string, opens: string, closes: string][] {
	const week = c.sundayWeek ? ['SU', 'MO', 'TU', 'WE', 'TH'] : ['MO', 'TU', 'WE', 'TH', 'FR'];
	const all = 'MO,TU,WE,TH,FR,SA,SU';
	switch (pattern) {
		case 'office':
			return [[week.join(','), '09:00', '17:00']];
		case 'split':
			return [
				[week.slice(0, 3).join(','), '09:00', '12:30'],
				[week.slice(3).join(','), '14:00', '18:00']
			];
		case 'long':
			return [[all, '08:00', '20:00']];
		case 'overnight':
			return [[all, '19:00', '08:00']];
		case 'always':
			return [[all, '00:00', '00:00']];
		case 'weekend':
			return [
				['SA', '10:00', '16:00'],
				[week[2], '18:00', '21:00']
			];
		case 'evenings':
			return [[week.slice(0, 4).join(','), '17:30', '21:00']];
		case 'none':
			return [];
	}
}

const DAY = 24 * 60 * 60 * 1000;
const fill = (text: string, c: City, locale: Locale) =>
	text.replaceAll('{city}', locale === 'ar' ? c.ar : c.name);

export type GenerateServicesOptions = {
	services: number;
	referrals: number;
	seed?: number;
	/** Rows per insert statement for services; the other tables scale from it. */
	batch?: number;
	/** Reference time for verification dates and referral timelines (default: now). */
	now?: Date;
	/** Days to accept a referral (REFERRAL_DUE_DAYS); closing gets four times as long. */
	dueDays?: number;
};

type Org = { id: string; name: string; home: City; locations: PlannedLocation[] };
type PlannedLocation = { id: string; city: City; latitude: number; longitude: number };
type PlannedService = {
	id: string;
	orgIndex: number;
	published: boolean;
	listed: boolean;
	termIds: string[];
	locale: Locale;
};

const chunks = <T>(rows: T[], size: number) =>
	Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
		rows.slice(i * size, (i + 1) * size)
	);

/**
 * Adds `services` services (with locations, openings) for approved organisations, creating
 * organisations when there are fewer than one per 20 services, then `referrals` referrals between
 * organisations to those services. Appends; idempotent for the same options (see above).
 */
export async function generateServices(
	db: Db,
	opts: GenerateServicesOptions,
	log: (line: string) => void = () => {}
) {
	const seed = opts.seed ?? 42;
	const now = opts.now ?? new Date();
	const dueDays = opts.dueDays ?? 7;
	const batch = opts.batch ?? 250;
	const written = { organisations: 0, locations: 0, services: 0, referrals: 0 };
	if (opts.services <= 0) return written;

	const orgs = await planOrganisations(db, opts, seed, written);
	log(`organisations ${orgs.length} (${written.organisations} new)`);

	// Locations: one to three per organisation, mostly in its home city; drawn per organisation so
	// that a later run with more organisations gives the same ones the same places.
	const locationRows: (typeof serviceLocation.$inferInsert)[] = [];
	for (const org of orgs) {
		const rnd = random(seedFor(seed, 'locations', org.id));
		const count = 1 + Math.floor(rnd() * 3);
		for (let j = 0; j < count; j++) {
			const c = rnd() < 0.85 ? org.home : CITIES[Math.floor(rnd() * CITIES.length)];
			const id = idFor(seed, 'location', org.id, j);
			const latitude = round(c.lat + (rnd() - 0.5) * 0.12);
			const longitude = round(c.lon + ((rnd() - 0.5) * 0.12) / Math.cos((c.lat * Math.PI) / 180));
			const name = `${PLACES[c.locale][j % 4]} – ${c.locale === 'ar' ? c.ar : c.name}`;
			const doc: HsdsLocation = {
				id,
				location_type: 'physical',
				...(UUID.test(org.id) ? { organization_id: org.id } : {}),
				name,
				latitude,
				longitude,
				addresses: [
					{
						id: idFor(seed, 'address', id),
						location_id: id,
						address_1: `${1 + Math.floor(rnd() * 180)} ${STREETS[c.locale][Math.floor(rnd() * STREETS[c.locale].length)]}`,
						city: c.name,
						state_province: '',
						postal_code: String(10000 + Math.floor(rnd() * 89999)),
						country: c.country,
						address_type: 'physical'
					}
				],
				accessibility:
					rnd() < 0.6
						? [
								{
									id: idFor(seed, 'access', id),
									location_id: id,
									description: 'Step-free entrance'
								}
							]
						: []
			};
			org.locations.push({ id, city: c, latitude, longitude });
			locationRows.push({
				id,
				organisationId: org.id,
				name,
				doc,
				latitude,
				longitude,
				city: c.name,
				cityKey: searchKey(c.name),
				country: c.country,
				timeZone: c.timeZone
			});
		}
	}
	for (const rows of chunks(locationRows, batch * 2)) {
		const inserted = await db
			.insert(serviceLocation)
			.values(rows)
			.onConflictDoNothing()
			.returning({ id: serviceLocation.id });
		written.locations += inserted.length;
	}
	log(`locations ${locationRows.length} (${written.locations} new)`);

	const planned = await writeServices(db, { ...opts, seed, now, batch }, orgs, written, log);
	if (opts.referrals > 0)
		await writeReferrals(db, { ...opts, seed, now, dueDays, batch }, orgs, planned, written, log);
	for (const table of [
		'organisation',
		'service',
		'service_location',
		'service_at_location',
		'service_opening',
		'referral',
		'referral_event'
	])
		// Vacuum too: it empties the GIN indexes' pending lists, so searches right after a bulk load
		// measure the steady state.
		await db.execute(sql.raw(`vacuum analyze "${table}"`));
	return written;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** Approved organisations (by id), topped up with new ones to one per 20 services. */
async function planOrganisations(
	db: Db,
	opts: GenerateServicesOptions,
	seed: number,
	written: { organisations: number }
): Promise<Org[]> {
	const load = () =>
		db
			.select({
				id: organisation.id,
				slug: organisation.slug,
				name: organisation.name,
				country: organisation.countryCode
			})
			.from(organisation)
			.where(eq(organisation.status, 'approved'))
			.orderBy(asc(organisation.id));
	let existing = await load();
	const wanted = Math.max(opts.referrals > 0 ? 2 : 1, Math.ceil(opts.services / 20));
	if (existing.length < wanted) {
		const rows: Record<string, unknown>[] = [];
		const ids = new Set(existing.map((o) => o.id));
		const used = new Set(existing.map((o) => o.name));
		// Numbered from 0 on every run, skipping those an earlier run made: the same number is always
		// the same organisation.
		for (let i = 0; existing.length + rows.length < wanted; i++) {
			const id = idFor(seed, 'organisation', i);
			if (ids.has(id)) continue;
			const rnd = random(seedFor(seed, 'organisation', i));
			const c = createdCity(seed, i);
			const templates = ORGANISATION_NAMES[c.locale];
			let name = fill(templates[Math.floor(rnd() * templates.length)], c, c.locale);
			if (used.has(name)) name = `${name} ${i + 1}`;
			used.add(name);
			const description = ORGANISATION_ABOUT[c.locale];
			rows.push({
				id,
				slug: `gen-svc-org-${seed}-${i}`,
				name,
				kind: ORGANISATION_KINDS[Math.floor(rnd() * ORGANISATION_KINDS.length)],
				description,
				contentLocale: c.locale,
				countryCode: c.country,
				countries: [c.country],
				status: 'approved',
				...organisationSearch(name, description)
			});
		}
		for (const part of chunks(rows, 500)) {
			// Rows carry SQL expressions (to_tsvector) where the column type says string.
			const inserted = await db
				.insert(organisation)
				.values(part as never)
				.onConflictDoNothing()
				.returning({ id: organisation.id });
			written.organisations += inserted.length;
		}
		existing = await load();
	}
	// The city an organisation made here was named after; any other one, a city of its country.
	return existing.map((o) => {
		const made = new RegExp(`^gen-svc-org-${seed}-(\\d+)$`).exec(o.slug);
		const local = CITIES.filter((c) => c.country === o.country);
		const pool = local.length ? local : CITIES;
		const home = made
			? createdCity(seed, Number(made[1]))
			: pool[seedFor(seed, 'home', o.id) % pool.length];
		return { id: o.id, name: o.name, home, locations: [] };
	});
}

const createdCity = (seed: number, i: number) =>
	CITIES[seedFor(seed, 'organisation-city', i) % CITIES.length];

/** Full texts of a service in one language (the document's, or a translation). */
function textsIn(
	locale: Locale,
	c: City,
	need: string,
	choice: {
		name: number;
		eligibility: number;
		apply: number;
		documents: number[];
		free: boolean;
		interpreters: boolean;
	}
): ServiceTexts {
	const t = NEEDS[need];
	return {
		name: `${t.names[locale][choice.name]} – ${locale === 'ar' ? c.ar : c.name}`,
		description: fill(t.description[locale], c, locale),
		eligibility: ELIGIBILITY[locale][choice.eligibility],
		applicationProcess: APPLY[locale][choice.apply],
		feesDescription: FEES[locale][choice.free ? 0 : 1],
		interpretation: choice.interpreters ? INTERPRETATION[locale] : '',
		documents: choice.documents.map((d) => DOCUMENTS[locale][d]).join('\n')
	};
}

const languageNames = new Map<string, string>();
const nameOf = (code: string) => {
	if (!languageNames.has(code)) languageNames.set(code, languageName(code, 'en'));
	return languageNames.get(code)!;
};

async function writeServices(
	db: Db,
	opts: GenerateServicesOptions & { seed: number; now: Date; batch: number },
	orgs: Org[],
	written: { services: number },
	log: (line: string) => void
): Promise<PlannedService[]> {
	const { seed, now, batch } = opts;
	const rnd = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const codes = Object.keys(NEEDS);
	const terms = new Map(DEFAULT_TERMS.map((t) => [t.code, t]));
	const planned: PlannedService[] = [];
	for (let start = 0; start < opts.services; start += batch) {
		const services: Record<string, unknown>[] = [];
		const links: (typeof serviceAtLocation.$inferInsert)[] = [];
		const openings: (typeof serviceOpening.$inferInsert)[] = [];
		for (let i = start; i < Math.min(opts.services, start + batch); i++) {
			const id = idFor(seed, 'service', i);
			const orgIndex = Math.floor(rnd() * orgs.length);
			const org = orgs[orgIndex];
			const r = rnd();
			const count = r < 0.03 ? 0 : r < 0.88 ? 1 : 2;
			const places = [...new Set(Array.from({ length: count }, () => pick(org.locations)))];
			const c = places[0]?.city ?? org.home;
			const locale = c.locale;
			const need = pick(codes);
			const second = rnd() < 0.25 ? pick(codes) : need;
			const needs = [...new Set([need, second])];
			const free = rnd() < 0.75;
			const eligibility = need === 'children' ? 3 : Math.floor(rnd() * 4);
			const choice = {
				name: Math.floor(rnd() * 3),
				eligibility,
				apply: Math.floor(rnd() * 3),
				documents: rnd() < 0.6 ? [...new Set([pick([0, 1, 2]), pick([0, 1, 2])])].sort() : [],
				free,
				interpreters: rnd() < 0.4
			};
			const texts = textsIn(locale, c, need, choice);
			const others = LOCALES.filter((l) => l !== locale);
			const t = rnd();
			const translated = t < 0.45 ? others : t < 0.75 ? [locale === 'en' ? 'fr' : 'en'] : [];
			const translations = Object.fromEntries(
				translated.map((l) => [l, textsIn(l as Locale, c, need, choice)])
			) as Record<string, ServiceTexts>;
			const spoken = [
				...new Set([
					c.lang,
					...(rnd() < 0.7 ? [pick(VISITOR_LANGUAGES)] : []),
					...(rnd() < 0.4 ? [pick(VISITOR_LANGUAGES), pick(VISITOR_LANGUAGES)] : [])
				])
			];
			const s = rnd();
			const status =
				s < 0.93 ? 'active' : s < 0.97 ? 'temporarily closed' : s < 0.985 ? 'inactive' : 'defunct';
			const published = rnd() < 0.9;
			const minimumAge = eligibility === 1 ? 18 : rnd() < 0.1 ? 16 : null;
			const maximumAge = need === 'children' || (need === 'education' && rnd() < 0.5) ? 17 : null;
			// Most were checked within the stale period (180 days by default); some are overdue for it.
			const assured = new Date(now.getTime() - Math.floor(rnd() * 240) * DAY);
			const pattern = patternFor(need, rnd());
			const amount = pick([2, 5, 10, 20, 35]);
			const doc: HsdsService = {
				id,
				...(UUID.test(org.id) ? { organization_id: org.id } : {}),
				name: texts.name,
				status,
				description: texts.description,
				url: `https://example.org/services/${shortCodeFor(id)}`,
				email: `contact+${shortCodeFor(id).toLowerCase()}@example.org`,
				eligibility_description: texts.eligibility,
				application_process: texts.applicationProcess,
				fees_description: texts.feesDescription,
				...(texts.interpretation ? { interpretation_services: texts.interpretation } : {}),
				...(minimumAge !== null ? { minimum_age: minimumAge } : {}),
				...(maximumAge !== null ? { maximum_age: maximumAge } : {}),
				assured_date: assured.toISOString().slice(0, 10),
				last_modified: assured.toISOString(),
				// Only France has a range of numbers reserved for fiction (+33 1 99 00 …).
				phones:
					c.country === 'FR'
						? [
								{
									id: idFor(seed, 'phone', id),
									service_id: id,
									number: `+33 1 99 00 ${String(Math.floor(rnd() * 100)).padStart(2, '0')} ${String(Math.floor(rnd() * 100)).padStart(2, '0')}`
								}
							]
						: [],
				schedules: schedulesFor(pattern, c).map(([byday, opens, closes], k) => ({
					id: idFor(seed, 'schedule', id, k),
					service_id: id,
					freq: 'WEEKLY',
					wkst: 'MO',
					byday,
					opens_at: opens,
					closes_at: closes
				})) satisfies HsdsSchedule[],
				languages: spoken.map((code) => ({
					id: idFor(seed, 'language', id, code),
					service_id: id,
					code,
					name: nameOf(code)
				})),
				cost_options: free
					? [{ id: idFor(seed, 'cost', id), service_id: id, option: 'Free of charge', amount: 0 }]
					: [
							{
								id: idFor(seed, 'cost', id),
								service_id: id,
								option: 'Registration fee',
								amount,
								currency: c.currency
							}
						],
				required_documents: choice.documents.map((d) => ({
					id: idFor(seed, 'document', id, d),
					service_id: id,
					document: DOCUMENTS[locale][d]
				})),
				attributes: needs.map((code) => ({
					id: idFor(seed, 'attribute', id, code),
					taxonomy_term_id: terms.get(code)!.id,
					link_entity: 'service',
					link_id: id,
					link_type: 'service_type'
				}))
			};
			const termIds = termIdsOf(doc);
			// The same words storeService indexes: texts in every language, and every label of the needs.
			const words = [
				doc.name,
				doc.description,
				doc.eligibility_description,
				...Object.values(translations).flatMap((tr) => [tr.name, tr.description, tr.eligibility]),
				...needs.flatMap((code) => {
					const labels = terms.get(code)!.labels;
					return [labels.en, ...LOCALES.map((l) => labels[l])];
				})
			]
				.filter(Boolean)
				.join(' ');
			services.push({
				id,
				organisationId: org.id,
				status,
				name: doc.name,
				doc,
				contentLocale: locale,
				translations,
				published,
				verifiedAt: assured,
				termIds,
				languages: languageCodes(doc),
				free: isFree(doc),
				minimumAge,
				maximumAge,
				nameKey: searchKey(doc.name),
				search: sql`to_tsvector('simple', ${searchKey(words).slice(0, 20000)})`,
				shortCode: shortCodeFor(id),
				createdAt: assured,
				updatedAt: assured
			});
			for (const place of places) {
				const linkId = idFor(seed, 'service_at_location', id, place.id);
				links.push({
					id: linkId,
					serviceId: id,
					locationId: place.id,
					doc: { id: linkId, service_id: id, location_id: place.id },
					latitude: place.latitude,
					longitude: place.longitude
				});
			}
			// As refreshOpenings: the service's schedules in each location's time zone.
			const zones = places.length
				? [...new Set(places.map((p) => p.city.timeZone))]
				: [org.home.timeZone];
			for (const zone of zones)
				for (const o of openingsFrom(doc.schedules ?? [], zone))
					openings.push({ serviceId: id, ...o });
			planned.push({
				id,
				orgIndex,
				published,
				listed: status === 'active' || status === 'temporarily closed',
				termIds,
				locale
			});
		}
		await db.transaction(async (tx) => {
			const inserted = await tx
				.insert(service)
				.values(services as never)
				.onConflictDoNothing()
				.returning({ id: service.id });
			written.services += inserted.length;
			// Links and openings only for services written now: openings have no key to skip on.
			const fresh = new Set(inserted.map((r) => r.id));
			const newLinks = links.filter((l) => fresh.has(l.serviceId));
			for (const part of chunks(newLinks, batch * 4))
				await tx.insert(serviceAtLocation).values(part).onConflictDoNothing();
			const newOpenings = openings.filter((o) => fresh.has(o.serviceId));
			for (const part of chunks(newOpenings, batch * 8))
				await tx.insert(serviceOpening).values(part);
		});
		log(`services ${Math.min(opts.services, start + batch)}/${opts.services}`);
	}
	return planned;
}

/** One caseworker per organisation, a member of its staff, who sends and answers referrals. */
const caseworkerOf = (orgId: string) =>
	`gen-cw-${createHash('sha256').update(orgId).digest('hex').slice(0, 16)}`;

type Step = { status: ReferralStatus; at: number };

async function writeReferrals(
	db: Db,
	opts: GenerateServicesOptions & { seed: number; now: Date; dueDays: number; batch: number },
	orgs: Org[],
	planned: PlannedService[],
	written: { referrals: number },
	log: (line: string) => void
) {
	const { seed, dueDays, batch } = opts;
	const now = opts.now.getTime();
	const targets = planned.filter((p) => p.published && p.listed);
	if (!targets.length || orgs.length < 2) {
		log('referrals skipped: no published service or a single organisation');
		return;
	}
	const rnd = random(seed ^ 0x7e7e);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	for (const part of chunks(orgs, 500)) {
		await db
			.insert(user)
			.values(
				part.map((o) => ({
					id: caseworkerOf(o.id),
					name: `${pick(FIRST)} ${pick(LAST)}`,
					email: `${caseworkerOf(o.id)}@generated.invalid`,
					emailVerified: true,
					locale: o.home.locale
				}))
			)
			.onConflictDoNothing();
		await db
			.insert(organisationMember)
			.values(
				part.map((o) => ({
					organisationId: o.id,
					userId: caseworkerOf(o.id),
					role: 'member' as const,
					status: 'active' as const
				}))
			)
			.onConflictDoNothing();
	}
	const labels = new Map(DEFAULT_TERMS.map((t) => [t.id, t.labels]));
	const size = batch * 4;
	for (let start = 0; start < opts.referrals; start += size) {
		const rows: (typeof referral.$inferInsert)[] = [];
		const events: (typeof referralEvent.$inferInsert)[] = [];
		for (let j = start; j < Math.min(opts.referrals, start + size); j++) {
			const id = idFor(seed, 'referral', j);
			const target = pick(targets);
			const to = orgs[target.orgIndex];
			let fromIndex = Math.floor(rnd() * orgs.length);
			if (fromIndex === target.orgIndex) fromIndex = (fromIndex + 1) % orgs.length;
			const from = orgs[fromIndex];
			const fromLocale = from.home.locale;
			const toLocale = to.home.locale;
			// Most referrals are recent; the older ones are mostly finished.
			const created = now - Math.floor(rnd() * rnd() * 365 * DAY) - Math.floor(rnd() * DAY);
			const age = (now - created) / DAY;
			const finished = rnd() < Math.min(0.985, age / 21);
			const r = rnd();
			const decided = created + (0.05 + rnd() * 4) * DAY;
			const started = decided + rnd() * 3 * DAY;
			const ended = started + (1 + rnd() * 30) * DAY;
			let path: Step[];
			if (finished && r < 0.12) path = [{ status: 'declined', at: decided }];
			else if (finished && r < 0.2)
				path = [{ status: 'closed', at: decided }]; // withdrawn
			else if (finished)
				path = [
					{ status: 'accepted', at: decided },
					{ status: 'in_progress', at: started },
					{ status: r < 0.75 ? 'completed' : 'closed', at: ended }
				];
			else if (r < 0.4) path = [];
			else if (r < 0.7) path = [{ status: 'accepted', at: decided }];
			else
				path = [
					{ status: 'accepted', at: decided },
					{ status: 'in_progress', at: started }
				];
			// What has happened by now; a later step is still to come.
			const steps: Step[] = [{ status: 'sent', at: created }, ...path.filter((p) => p.at <= now)];
			const last = steps[steps.length - 1];
			const accepted = steps.find((s) => s.status === 'accepted');
			const withdrawn = last.status === 'closed' && !accepted;
			const dueAt = accepted ? accepted.at + 4 * dueDays * DAY : created + dueDays * DAY;
			const final = ['declined', 'completed', 'closed'].includes(last.status);
			const overdue = !final && dueAt < now;
			const shared = ['name'];
			const person: ReferralPerson = { name: `${pick(FIRST)} ${pick(LAST)}` };
			if (rnd() < 0.7) {
				shared.push('contact');
				// Addresses that reach nobody; French numbers from the range reserved for fiction.
				if (rnd() < 0.5) person.email = `person-${j}@example.invalid`;
				else person.phone = `+33639980${String(j % 1000).padStart(3, '0')}`;
			}
			if (rnd() < 0.6) {
				shared.push('language');
				person.language = pick(VISITOR_LANGUAGES);
			}
			if (rnd() < 0.2) {
				shared.push('notes');
				person.notes = NOTES[fromLocale];
			}
			const caseworker = caseworkerOf(from.id);
			const receiver = caseworkerOf(to.id);
			const feedback = pick(FEEDBACK[toLocale]);
			const reason = pick(DECLINE_REASONS[toLocale]);
			const needLabel = labels.get(target.termIds[0])?.[fromLocale] ?? '';
			rows.push({
				id,
				serviceId: target.id,
				fromOrganisationId: from.id,
				toOrganisationId: to.id,
				createdBy: caseworker,
				personUserId: null,
				person,
				consent: {
					shared,
					purpose: PURPOSE[fromLocale].replace('{need}', needLabel),
					recipientOrganisationId: to.id,
					method: pick(['verbal', 'written', 'digital'] as const),
					recordedAt: new Date(created).toISOString(),
					recordedBy: caseworker
				},
				termIds: target.termIds,
				status: last.status,
				reason: last.status === 'declined' ? reason : null,
				outcome:
					last.status === 'completed'
						? pick(COMPLETE_OUTCOMES)
						: last.status === 'closed'
							? withdrawn
								? 'withdrawn'
								: pick(CLOSE_OUTCOMES)
							: null,
				feedback: last.status === 'completed' || last.status === 'closed' ? feedback : null,
				dueAt: new Date(dueAt),
				remindedAt: overdue && rnd() < 0.5 ? new Date(Math.min(now, dueAt + DAY)) : null,
				acceptedAt: accepted ? new Date(accepted.at) : null,
				closedAt: final ? new Date(last.at) : null,
				createdAt: new Date(created),
				updatedAt: new Date(last.at)
			});
			for (const step of steps)
				events.push({
					referralId: id,
					actorId: step.status === 'sent' || withdrawn ? caseworker : receiver,
					kind: 'status',
					status: step.status,
					body:
						step.status === 'declined'
							? reason
							: step.status === 'completed' || step.status === 'closed'
								? feedback
								: null,
					createdAt: new Date(step.at)
				});
		}
		await db.transaction(async (tx) => {
			const fresh = new Set<string>();
			for (const part of chunks(rows, batch * 2)) {
				const inserted = await tx
					.insert(referral)
					.values(part)
					.onConflictDoNothing()
					.returning({ id: referral.id });
				for (const r of inserted) fresh.add(r.id);
			}
			written.referrals += fresh.size;
			// Events only for referrals written now: a second run must not repeat the history.
			const newEvents = events.filter((e) => fresh.has(e.referralId));
			for (const part of chunks(newEvents, batch * 8)) await tx.insert(referralEvent).values(part);
		});
		log(`referrals ${Math.min(opts.referrals, start + size)}/${opts.referrals}`);
	}
}
