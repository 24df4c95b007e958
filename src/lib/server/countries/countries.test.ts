import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import type { Visibility } from '../members/schema.ts';
import { memberProfile } from '../members/schema.ts';
import { user } from '../accounts/schema.ts';
import { migrantStock } from './schema.ts';
import { migrantStockFile, seedMigrantStock } from './seed-migrant-stock.ts';
import { migrationSeries, YEARS } from './migration-series.ts';
import { topCorridors } from './top-corridors.ts';
import { countriesWithData } from './countries-with-data.ts';
import { membersByResidence } from './members-by-residence.ts';
import { countryMembers } from './country-members.ts';
import { audienceOf } from './audience.ts';
import { normaliseAlpha2, toAlpha2, toAlpha3 } from './codes.ts';
import { WORLD_MAP } from './world-map.ts';

/** The shipped file, summed here independently of the loader. */
const CSV = gunzipSync(readFileSync(migrantStockFile()))
	.toString('utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','));
const sum = (keep: (row: string[]) => boolean, column = 3) =>
	CSV.filter(keep).reduce((n, row) => n + Number(row[column]), 0);

describe.each(DATABASES)('countries on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
		expect(await seedMigrantStock(s.database.db)).toBe(CSV.length);
	});
	afterAll(() => s.database.close());

	// How long seeding takes is a benchmark's question, not a test's (timings are never asserted).
	it('loads the shipped figures once per database', async () => {
		expect(await seedMigrantStock(s.database.db)).toBe(0);
		expect(await s.database.db.$count(migrantStock)).toBe(CSV.length);
	});

	it('sums emigrants and immigrants per year as the file does, by sex', async () => {
		const syria = await migrationSeries(s.database.db, 'SYR');
		expect(syria.emigrants.map((y) => y.year)).toEqual([...YEARS]);
		const emigrants2020 = sum((r) => r[0] === '2020' && r[1] === 'SYR');
		expect(emigrants2020).toBeGreaterThan(1_000_000);
		expect(syria.emigrants.at(-1)!.total).toBe(emigrants2020);
		expect(syria.immigrants.at(-1)!.total).toBe(sum((r) => r[0] === '2020' && r[2] === 'SYR'));
		expect(syria.emigrants[0].female).toBe(sum((r) => r[0] === '1990' && r[1] === 'SYR', 5));
		for (const y of [...syria.emigrants, ...syria.immigrants])
			expect(y.male + y.female).toBe(y.total);
	});

	it('reads the source’s non-ISO codes as Chile and Sudan', async () => {
		const chile = await migrationSeries(s.database.db, 'CHL');
		expect(chile.immigrants.at(-1)!.total).toBe(sum((r) => r[0] === '2020' && r[2] === 'CHI'));
		const sudan = await topCorridors(s.database.db, 'SDN', 'out');
		expect(sudan[0].country).toBe('SS');
	});

	it('lists the largest corridors of 2020, largest first', async () => {
		const out = await topCorridors(s.database.db, 'SYR', 'out');
		expect(out).toHaveLength(10);
		expect(out[0].country).toBe('TR');
		expect(out.map((c) => c.total)).toEqual([...out.map((c) => c.total)].sort((a, b) => b - a));
		for (const c of out) expect(c.male + c.female).toBe(c.total);
		const into = await topCorridors(s.database.db, 'DEU', 'in');
		expect(into).toHaveLength(10);
		expect(into.map((c) => c.total)).toEqual([...into.map((c) => c.total)].sort((a, b) => b - a));
		const all = await topCorridors(s.database.db, 'SYR', 'out', { limit: null });
		expect(all.length).toBeGreaterThan(10);
		expect(all.reduce((n, c) => n + c.total, 0)).toBe(
			sum((r) => r[0] === '2020' && r[1] === 'SYR')
		);
	});

	it('lists every country with figures by its alpha-2 code', async () => {
		const codes = await countriesWithData(s.database.db);
		expect(codes).toHaveLength(232);
		expect(codes).toContain('SY');
		expect(codes).toContain('CL');
		expect(codes).toContain('SD');
	});

	it('counts members by residence only from what each audience may see', async () => {
		const db = s.database.db;
		const profile = async (listed: Visibility, publicFacets: string[], memberFacets: string[]) => {
			const id = randomUUID();
			await db.insert(user).values({ id, name: 'Test', email: `${id}@example.org` });
			await db.insert(memberProfile).values({
				userId: id,
				listed,
				facetsPublic: publicFacets,
				facetsMembers: memberFacets
			});
		};
		// Public profile, residence shown to everyone.
		await profile('public', ['res:FR', 'origin:SY'], ['res:FR', 'origin:SY']);
		// Public profile showing its residence and origin to members only.
		await profile('public', [], ['res:DE', 'origin:SY']);
		// Listed for members only: its public facets must never count, even if (wrongly) filled.
		await profile('members', ['res:FR', 'origin:SY'], ['res:FR', 'origin:SY', 'origin:LB']);
		// Listed for nobody: never counted.
		await profile('nobody', ['res:FR', 'origin:SY'], ['res:FR', 'origin:SY']);

		const visitor = audienceOf(null);
		const member = audienceOf({ id: 'someone' });
		expect(await membersByResidence(db, visitor)).toEqual({ FR: 1 });
		expect(await membersByResidence(db, member)).toEqual({ FR: 2, DE: 1 });
		expect(await membersByResidence(db, member, 'LB')).toEqual({ FR: 1 });
		expect(await membersByResidence(db, visitor, 'LB')).toEqual({});
		expect(await membersByResidence(db, member, 'SY')).toEqual({ FR: 2, DE: 1 });

		expect(await countryMembers(db, visitor, 'SY')).toEqual({ from: 1, living: 0 });
		expect(await countryMembers(db, member, 'SY')).toEqual({ from: 3, living: 0 });
		expect(await countryMembers(db, visitor, 'FR')).toEqual({ from: 0, living: 1 });
		expect(await countryMembers(db, member, 'FR')).toEqual({ from: 0, living: 2 });
		expect(await countryMembers(db, member, 'JP')).toEqual({ from: 0, living: 0 });
	});
});

describe('country codes and the base map', () => {
	it('converts between the URL’s alpha-2 and the table’s alpha-3', () => {
		expect(normaliseAlpha2('sy')).toBe('SY');
		expect(normaliseAlpha2('zz')).toBeNull();
		expect(normaliseAlpha2('syr')).toBeNull();
		expect(normaliseAlpha2('xk')).toBe('XK');
		expect(toAlpha3('SY')).toBe('SYR');
		expect(toAlpha2('SYR')).toBe('SY');
		expect(toAlpha2('XKX')).toBe('XK');
	});

	it('draws the countries of the world, Antarctica left out', () => {
		expect(Object.keys(WORLD_MAP.paths).length).toBeGreaterThan(160);
		expect(WORLD_MAP.paths.SY).toMatch(/^M\d+ \d+l/);
		expect(WORLD_MAP.paths.AQ).toBeUndefined();
	});
});
