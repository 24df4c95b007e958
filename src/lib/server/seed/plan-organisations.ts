import { asc, eq } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { ORGANISATION_KINDS } from '#lib/members/organisation-kinds.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { organisationSearch } from '../organisations/create-organisation.ts';
import { chunks, idFor, random, seedFor } from './random.ts';
import {
	CITIES,
	ORGANISATION_ABOUT,
	ORGANISATION_NAMES,
	type City,
	type Locale
} from './service-data.ts';

export type PlannedLocation = { id: string; city: City; latitude: number; longitude: number };
export type Org = { id: string; name: string; home: City; locations: PlannedLocation[] };

export const fill = (text: string, c: City, locale: Locale) =>
	text.replaceAll('{city}', locale === 'ar' ? c.ar : c.name);

const createdCity = (seed: number, i: number) =>
	CITIES[seedFor(seed, 'organisation-city', i) % CITIES.length];

/**
 * Approved organisations (by id), topped up with new ones to `wanted`. Numbered from 0 on every
 * run, skipping those an earlier run made: the same number is always the same organisation.
 *
 * Written as rows with the derived search columns createOrganisation writes (organisationSearch):
 * createOrganisation itself draws a random id and slug, makes its actor an admin and leaves the
 * organisation pending, and the generator needs ids that follow from the seed.
 */
export async function planOrganisations(
	db: Db,
	seed: number,
	wanted: number,
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
	if (existing.length < wanted) {
		const rows: PgInsertValue<typeof organisation>[] = [];
		const ids = new Set(existing.map((o) => o.id));
		const used = new Set(existing.map((o) => o.name));
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
				demo: true,
				...organisationSearch(name, description)
			});
		}
		for (const part of chunks(rows, 500)) {
			const inserted = await db
				.insert(organisation)
				.values(part)
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
