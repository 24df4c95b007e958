import { describe, expect, it } from 'vitest';
import { closuresText, parseClosures } from './closures.ts';

describe('closed dates typed in the service form', () => {
	it('reads days and spans in the ways people write them, sorted', () => {
		expect(
			parseClosures('2026-12-25\n\n2026-08-01 – 2026-08-15\n2027-01-01 to 2027-01-02')
		).toEqual([
			{ from: '2026-08-01', to: '2026-08-15' },
			{ from: '2026-12-25', to: '2026-12-25' },
			{ from: '2027-01-01', to: '2027-01-02' }
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
			Array.from({ length: 31 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`).join('\n')
		])
			expect(parseClosures(bad)).toBeNull();
	});

	it('writes back what it read', () => {
		const text = '2026-08-01 – 2026-08-15\n2026-12-25';
		expect(closuresText(parseClosures(text)!)).toBe(text);
	});
});
