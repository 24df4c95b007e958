import { describe, expect, it } from 'vitest';
import { closuresText, parseClosures } from './closures.ts';

describe('closed dates typed in the service form', () => {
	it('reads days and spans in the ways people write them, sorted', () => {
		expect(
			parseClosures('2026-12-25\n\n2026-08-01 – 2026-08-15\n2027-01-01 to 2027-01-02')
		).toEqual([
			{ from: '2026-08-01', to: '2026-08-15', hours: [] },
			{ from: '2026-12-25', to: '2026-12-25', hours: [] },
			{ from: '2027-01-01', to: '2027-01-02', hours: [] }
		]);
		expect(parseClosures('2026-08-01 au 2026-08-15')).toHaveLength(1);
		expect(parseClosures('2026-08-01 إلى 2026-08-15')).toHaveLength(1);
		expect(parseClosures('2026-08-01-2026-08-15')).toHaveLength(1);
		expect(parseClosures('')).toEqual([]);
	});

	it('refuses what is not a date, a span backwards, over a year, or too many', () => {
		for (const bad of [
			'25/12/2026',
			'2026-02-30',
			'2026-08-15 – 2026-08-01',
			'2026-01-01 – 2027-06-01',
			'Christmas',
			'2026-12-24 closed',
			'2026-12-24 13:00-09:00',
			'2026-12-24 09:00-12:00, 11:00-13:00',
			'2026-12-24 09:00-10:00, 11:00-12:00, 13:00-14:00',
			'2026-12-24 25:00-26:00',
			Array.from({ length: 31 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`).join('\n')
		])
			expect(parseClosures(bad)).toBeNull();
	});

	it('reads the hours of a day that opens differently, one or two openings', () => {
		expect(parseClosures('2026-12-24 09:00-13:00')).toEqual([
			{ from: '2026-12-24', to: '2026-12-24', hours: [['09:00', '13:00']] }
		]);
		expect(parseClosures('2026-12-31 9:00–12:00, 14:00–16:00')?.[0].hours).toEqual([
			['09:00', '12:00'],
			['14:00', '16:00']
		]);
		expect(parseClosures('2026-12-31 9h00-12h00 et 14h00-16h00')?.[0].hours).toHaveLength(2);
		expect(parseClosures('2026-07-01 – 2026-08-31 10:00-14:00')?.[0]).toEqual({
			from: '2026-07-01',
			to: '2026-08-31',
			hours: [['10:00', '14:00']]
		});
	});

	it('writes back what it read', () => {
		const text = '2026-08-01 – 2026-08-15\n2026-12-24 09:00–12:00, 14:00–16:00\n2026-12-25';
		expect(closuresText(parseClosures(text)!)).toBe(text);
	});
});
