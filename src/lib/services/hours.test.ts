import { describe, expect, it } from 'vitest';
import { hhmm, weeklySlots } from './hours.ts';

const day = (dow: number, opens: string, closes: string) => {
	const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
	return { dow, opens: m(opens), closes: m(closes) };
};
const on = (week: ReturnType<typeof weeklySlots>, dow: number) =>
	week.find((d) => d.dow === dow)!.slots;

describe('opening hours as the service page shows them', () => {
	it('shows an overnight range once, on the evening it starts', () => {
		const week = weeklySlots([day(1, '20:00', '24:00'), day(2, '00:00', '08:00')]);
		expect(on(week, 1)).toEqual(['20:00–08:00']);
		expect(on(week, 2)).toEqual([]);
	});

	it('keeps a lunch break as two ranges and a whole day as 00:00–24:00', () => {
		const week = weeklySlots([
			day(3, '14:00', '17:30'),
			day(3, '09:00', '12:00'),
			day(4, '00:00', '24:00'),
			day(5, '00:00', '24:00')
		]);
		expect(on(week, 3)).toEqual(['09:00–12:00', '14:00–17:30']);
		expect(on(week, 4)).toEqual(['00:00–24:00']);
		expect(on(week, 5)).toEqual(['00:00–24:00']);
	});

	it('carries Sunday night into Monday morning, and keeps a Monday day range', () => {
		const week = weeklySlots([
			day(7, '22:00', '24:00'),
			day(1, '00:00', '06:00'),
			day(1, '09:00', '17:00')
		]);
		expect(on(week, 7)).toEqual(['22:00–06:00']);
		expect(on(week, 1)).toEqual(['09:00–17:00']);
		expect(hhmm(0)).toBe('00:00');
	});
});
