import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { ORGANISATION_KINDS } from '#lib/members/organisation-kinds.ts';
import { FIELD_NAMES, type ProfileInput, type Visibility } from '#lib/members/profile.ts';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { escoConcept } from '../esco/schema.ts';
import { emptyProfile, writeProfile } from '../members/save-profile.ts';
import { organisation } from '../organisations/schema.ts';
import { organisationSearch } from '../organisations/create-organisation.ts';
import words from './data/population.json' with { type: 'json' };
import { picker, random } from './random.ts';

const VISIBILITY: Visibility[] = ['public', 'public', 'members', 'members', 'members', 'nobody'];
const LISTED = ['public', 'public', 'members', 'nobody'] as const;
const LOCALES = ['en', 'fr', 'es', 'ar'];

export type GenerateOptions = {
	members: number;
	organisations: number;
	seed?: number;
	/** Members per transaction, organisations per insert. */
	batch?: number;
};

/**
 * Adds a synthetic population for benchmarks and demos; ids are prefixed `gen-` so runs are
 * idempotent (people and organisations that exist are left as they are).
 *
 * Profiles are written by writeProfile, as the profile form and the demo seed write them: the
 * search columns, the ESCO labels in every language and the directory's index (kept by a
 * trigger) are the application's. Users are rows without a sign-in (no password, no phone), which
 * no accounts operation makes; organisations are rows with createOrganisation's derived search
 * columns (organisationSearch), since createOrganisation draws random ids.
 */
export async function generatePopulation(
	db: Db,
	opts: GenerateOptions,
	log: (line: string) => void = () => {}
) {
	const rnd = random(opts.seed ?? 42);
	const pick = picker(rnd);
	const batch = opts.batch ?? 1000;
	const esco = (
		await db.select({ uri: escoConcept.uri }).from(escoConcept).orderBy(escoConcept.uri).limit(400)
	).filter((_, i) => i % 2 === 0);
	for (let start = 0; start < opts.members; start += batch) {
		const users: (typeof user.$inferInsert)[] = [];
		const profiles = new Map<string, ProfileInput>();
		for (let i = start; i < Math.min(opts.members, start + batch); i++) {
			const id = `gen-${String(i).padStart(7, '0')}`;
			const name = `${pick(words.firstNames)} ${pick(words.lastNames)}`;
			const visibility = Object.fromEntries(FIELD_NAMES.map((f) => [f, pick(VISIBILITY)]));
			const expertise = esco.length ? [pick(esco).uri, pick(esco).uri] : [];
			const profile: ProfileInput = {
				...emptyProfile(name, 'en'),
				headline: pick(words.headlines),
				city: pick(words.cities),
				bio: pick(words.bios),
				residence: pick(words.residenceCountries),
				origin: [pick(words.originCountries)],
				languages: [
					{ code: pick(words.languages), level: 'fluent' },
					{ code: pick(words.languages), level: 'basic' }
				],
				expertise: [...new Set(expertise)],
				interests: [pick(words.interests)],
				visibility: visibility as ProfileInput['visibility']
			};
			users.push({
				id,
				name,
				email: `${id}@generated.invalid`,
				emailVerified: true,
				locale: pick(LOCALES),
				demo: true
			});
			profile.listed = pick(LISTED);
			profiles.set(id, profile);
		}
		await db.transaction(async (tx) => {
			const fresh = await tx
				.insert(user)
				.values(users)
				.onConflictDoNothing()
				.returning({ id: user.id });
			for (const { id } of fresh) await writeProfile(tx as unknown as Db, id, profiles.get(id)!);
		});
		log(`members ${Math.min(opts.members, start + batch)}/${opts.members}`);
	}
	for (let start = 0; start < opts.organisations; start += batch) {
		const rows: PgInsertValue<typeof organisation>[] = [];
		for (let i = start; i < Math.min(opts.organisations, start + batch); i++) {
			const name = `${pick(words.organisationWords)} ${pick(words.lastNames)} ${i}`;
			const description = pick(words.bios);
			rows.push({
				id: `gen-org-${String(i).padStart(6, '0')}`,
				slug: `gen-org-${i}`,
				name,
				kind: pick(ORGANISATION_KINDS),
				description,
				countries: [pick(words.residenceCountries), pick(words.originCountries)],
				status: 'approved' as const,
				demo: true,
				...organisationSearch(name, description)
			});
		}
		await db.insert(organisation).values(rows).onConflictDoNothing();
		log(`organisations ${Math.min(opts.organisations, start + batch)}/${opts.organisations}`);
	}
	for (const table of [
		'member_profile',
		'member_search',
		'member_name_token',
		'organisation',
		'user'
	])
		await db.execute(sql.raw(`analyze "${table}"`));
}
