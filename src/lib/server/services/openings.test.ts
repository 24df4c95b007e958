import { describe, expect, it } from 'vitest';
import { isOpenAt, localTime, offsetZone, openingsFrom } from './openings.ts';

const weekly = (byday: string, opens_at: string, closes_at: string, extra = {}) => ({
	id: 'x',
	freq: 'WEEKLY',
	byday,
	opens_at,
	closes_at,
	...extra
});

describe('opening hours', () => {
	it('reads weekly schedules into local intervals', () => {
		const o = openingsFrom([weekly('MO,TU', '09:00', '17:30')], 'Europe/Paris');
		expect(o).toEqual([
			{
				dow: 1,
				opens: 540,
				closes: 1050,
				timeZone: 'Europe/Paris',
				validFrom: null,
				validTo: null
			},
			{ dow: 2, opens: 540, closes: 1050, timeZone: 'Europe/Paris', validFrom: null, validTo: null }
		]);
	});

	it('splits an overnight schedule at midnight, Sunday night running into Monday', () => {
		const o = openingsFrom([weekly('SU', '22:00', '06:00')], 'UTC');
		expect(o.map((x) => [x.dow, x.opens, x.closes])).toEqual([
			[7, 1320, 1440],
			[1, 0, 360]
		]);
		// Monday 03:00 UTC is inside; Monday 07:00 is not; Sunday 21:59 is not.
		expect(isOpenAt(o, new Date('2026-11-23T03:00:00Z'))).toBe(true);
		expect(isOpenAt(o, new Date('2026-11-23T07:00:00Z'))).toBe(false);
		expect(isOpenAt(o, new Date('2026-11-22T21:59:00Z'))).toBe(false);
	});

	it('answers "open now" in the service time zone, across daylight saving', () => {
		const o = openingsFrom([weekly('MO', '09:00', '12:00')], 'America/New_York');
		// 14:30 UTC on a Monday in winter is 09:30 in New York (UTC-5); in summer (UTC-4) 10:30.
		expect(isOpenAt(o, new Date('2026-11-23T14:30:00Z'))).toBe(true);
		expect(isOpenAt(o, new Date('2026-11-23T13:30:00Z'))).toBe(false);
		expect(isOpenAt(o, new Date('2026-07-06T13:30:00Z'))).toBe(true);
		// The same instant is Monday evening in Tokyo: a Tokyo service open Monday 9–12 is closed.
		const tokyo = openingsFrom([weekly('MO', '09:00', '12:00')], 'Asia/Tokyo');
		expect(isOpenAt(tokyo, new Date('2026-11-23T14:30:00Z'))).toBe(false);
		expect(isOpenAt(tokyo, new Date('2026-11-23T01:00:00Z'))).toBe(true);
	});

	it('uses a numeric HSDS offset when the schedule has one, and honours validity dates', () => {
		expect(offsetZone(3)).toBe('Etc/GMT-3');
		expect(offsetZone(-5)).toBe('Etc/GMT+5');
		const o = openingsFrom(
			[weekly('MO', '09:00', '10:00', { timezone: 3, valid_to: '2026-01-31' })],
			'UTC'
		);
		expect(o[0].timeZone).toBe('Etc/GMT-3');
		expect(isOpenAt(o, new Date('2026-01-26T06:30:00Z'))).toBe(true);
		expect(isOpenAt(o, new Date('2026-11-23T06:30:00Z'))).toBe(false);
	});

	it('ignores schedules that only describe hours in words', () => {
		expect(openingsFrom([{ id: 'x', description: 'By appointment' }], 'UTC')).toEqual([]);
		expect(localTime(new Date('2026-11-22T23:30:00Z'), 'Asia/Amman')).toMatchObject({
			dow: 1,
			minute: 150
		});
	});
});
