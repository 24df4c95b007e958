import { describe, expect, it } from 'vitest';
import { readText } from './read-text.ts';
import { segmentsOf, fitLines } from './fit.ts';
import { hoursToday } from './hours-today.ts';
import { allNeedWords } from './keywords.ts';
import type { Opening } from '../openings.ts';

describe('reading a text', () => {
	it('finds the need, the town and the language in each of the four languages', () => {
		expect(readText('HEALTH DAKAR')).toEqual({
			kind: 'search',
			locale: 'en',
			need: 'health',
			town: 'dakar',
			typed: 'DAKAR'
		});
		expect(readText('logement lyon')).toMatchObject({
			locale: 'fr',
			need: 'housing',
			town: 'lyon'
		});
		expect(readText('Aide juridique à Lyon')).toMatchObject({
			locale: 'fr',
			need: 'legal',
			town: 'lyon'
		});
		expect(readText('salud en Dublín')).toMatchObject({
			locale: 'es',
			need: 'health',
			town: 'dublin'
		});
		expect(readText('قانوني باريس')).toMatchObject({ locale: 'ar', need: 'legal', town: 'باريس' });
		// With the article, and a linking word
		expect(readText('السكن في عمان')).toMatchObject({
			locale: 'ar',
			need: 'housing',
			town: 'عمان'
		});
	});

	it('reads a word shared by languages by the other words, then in English', () => {
		expect(readText('legal madrid')).toMatchObject({ locale: 'en', need: 'legal' });
		expect(readText('legal abogado madrid')).toMatchObject({ locale: 'es', town: 'madrid' });
		expect(readText('hola legal madrid')).toMatchObject({ locale: 'es' });
	});

	it('a town with no need is a search of everything there; a town or need alone asks for help', () => {
		expect(readText('Lyon')).toMatchObject({
			kind: 'search',
			locale: 'en',
			need: null,
			town: 'lyon'
		});
		expect(readText('logement')).toEqual({ kind: 'help', locale: 'fr' });
		expect(readText('')).toEqual({ kind: 'help', locale: 'en' });
		expect(readText('مرحبا')).toEqual({ kind: 'help', locale: 'ar' });
		expect(readText('AYUDA')).toEqual({ kind: 'help', locale: 'es' });
	});

	it('MORE in any language continues', () => {
		for (const word of ['MORE', 'plus', 'Más', 'المزيد']) expect(readText(word).kind).toBe('more');
	});
});

describe('fitting services into one SMS', () => {
	const line = (n: number, name = `Service number ${n}`) => ({
		name,
		phone: '+33478000000',
		hours: 'today 9:00-12:00 14:00-17:00',
		link: `passerelle.example.org/s/AB${n}CD`
	});

	it('holds as many as fit in 160 GSM-7 characters, with the MORE line when some are left', () => {
		const { text, used } = fitLines(
			[1, 2, 3, 4].map((n) => line(n)),
			'Send MORE for more'
		);
		expect(segmentsOf(text)).toBe(1);
		expect(text.length).toBeLessThanOrEqual(160);
		expect(used).toBeGreaterThanOrEqual(1);
		expect(used).toBeLessThan(4);
		expect(text.endsWith('Send MORE for more')).toBe(true);
		expect(text).toContain('passerelle.example.org/s/AB1CD');
	});

	it('in Arabic (70 UCS-2 characters) keeps the link and shortens the name', () => {
		const long = line(1, 'الإرشاد النفسي والدعم الاجتماعي للعائلات القادمة حديثا');
		const { text, used } = fitLines([long, line(2, 'مساحة صديقة للأطفال')], 'أرسل المزيد للمزيد');
		expect(used).toBe(1);
		expect(segmentsOf(text)).toBe(1);
		expect(text).toContain('passerelle.example.org/s/AB1CD');
		expect(text).toContain('…');
	});

	it('the help text lists every need within three SMS in each language', () => {
		for (const locale of ['en', 'fr', 'es', 'ar'] as const)
			expect(allNeedWords(locale)).toHaveLength(14);
	});
});

describe("today's hours", () => {
	const o = (dow: number, opens: number, closes: number): Opening => ({
		dow,
		opens,
		closes,
		timeZone: 'Europe/Paris',
		validFrom: null,
		validTo: null
	});
	const wednesday = new Date('2026-12-02T10:00:00Z');

	it('lists a lunch break as two ranges and an overnight opening as one', () => {
		expect(hoursToday([o(3, 540, 720), o(3, 840, 1080)], wednesday)).toBe('9:00-12:00 14:00-18:00');
		expect(
			hoursToday([o(3, 1200, 1440), o(4, 0, 480), o(2, 1200, 1440), o(3, 0, 480)], wednesday)
		).toBe('20:00-8:00');
	});

	it('says closed today, or nothing when the service gives no hours', () => {
		expect(hoursToday([o(1, 540, 720)], wednesday)).toBe('');
		const closure = { ...o(0, 0, 0), validFrom: '2026-12-01', validTo: '2026-12-03' };
		expect(hoursToday([o(3, 540, 720), closure], wednesday)).toBe('');
		expect(hoursToday([], wednesday)).toBeNull();
	});
});
