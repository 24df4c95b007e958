import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { findPlace, findPlaces, splitCountry, suggestPlaces, timeZoneAt } from './find-place.ts';
import { seedGazetteer } from './seed-gazetteer.ts';
import { TEST_TOWNS } from './test-towns.ts';

describe('country at the end of a place', () => {
	it('reads a country code or name in any of the four languages', () => {
		expect(splitCountry('Lyon, France')).toEqual({ town: 'lyon', country: 'FR' });
		expect(splitCountry('madrid es')).toEqual({ town: 'madrid', country: 'ES' });
		expect(splitCountry('Madrid, Colombie')).toEqual({ town: 'madrid', country: 'CO' });
		expect(splitCountry('ليون فرنسا')).toEqual({ town: 'ليون', country: 'FR' });
		expect(splitCountry('Villeurbanne')).toEqual({ town: 'villeurbanne', country: null });
	});
});

describe('time zone at a point', () => {
	it('follows the coordinates, offline', () => {
		expect(timeZoneAt(45.75, 4.85)).toBe('Europe/Paris');
		expect(timeZoneAt(31.95, 35.94)).toBe('Asia/Amman');
		expect(timeZoneAt(4.73, -74.26)).toBe('America/Bogota');
	});
});

describe.each(DATABASES)('gazetteer on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
		expect(await seedGazetteer(s.database.db, TEST_TOWNS)).toBe(TEST_TOWNS.length);
	});
	afterAll(() => s.database.close());

	it('loads once per database', async () => {
		expect(await seedGazetteer(s.database.db, TEST_TOWNS)).toBe(0);
	});

	it('finds a town whatever the case and accents, the largest of a name, or within a country', async () => {
		const db = s.database.db;
		expect(await findPlace(db, 'VILLEURBANNE')).toMatchObject({
			name: 'Villeurbanne',
			country: 'FR'
		});
		expect(await findPlace(db, 'Madrid')).toMatchObject({ country: 'ES', latitude: 40.4165 });
		expect(await findPlace(db, 'Madrid, Colombia')).toMatchObject({ country: 'CO' });
		expect(await findPlace(db, 'Lyon', { country: 'ES' })).toBeNull();
		expect(await findPlace(db, 'Atlantis')).toBeNull();
		expect(await findPlace(db, '  ')).toBeNull();
	});

	it('finds a town by its name in another language or script, and names it in the reader’s', async () => {
		const db = s.database.db;
		expect(await findPlace(db, 'باريس')).toMatchObject({ name: 'Paris', country: 'FR' });
		expect(await findPlace(db, 'Marsella', { locale: 'es' })).toMatchObject({ name: 'Marsella' });
		expect(await findPlace(db, 'Lyon', { locale: 'ar' })).toMatchObject({ name: 'ليون' });
		expect(await findPlace(db, 'عمان')).toMatchObject({ country: 'JO' });
	});

	it('finds several towns in one go, as findPlace finds each', async () => {
		const db = s.database.db;
		const texts = [
			'lyon',
			'madrid',
			'madrid colombia',
			'باريس',
			'nowhere at all',
			'legal aid lyon'
		];
		const found = await findPlaces(db, texts, { locale: 'fr' });
		for (const text of texts)
			expect(found.get(text)?.id ?? null, text).toBe(
				(await findPlace(db, text, { locale: 'fr' }))?.id ?? null
			);
		expect(found.get('madrid')).toMatchObject({ country: 'ES' });
		expect(found.get('madrid colombia')).toMatchObject({ country: 'CO' });
		expect(found.get('nowhere at all')).toBeNull();
	});

	it('suggests towns for a misspelt name', async () => {
		const names = (await suggestPlaces(s.database.db, 'Marseile')).map((p) => p.name);
		expect(names[0]).toBe('Marseille');
		expect(await suggestPlaces(s.database.db, 'zz')).toEqual([]);
	});
});
