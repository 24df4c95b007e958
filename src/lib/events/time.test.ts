import { describe, expect, it } from 'vitest';
import { formatRange, isTimeZone, utcToZoned, zonedToUtc } from './time.ts';

describe('event times', () => {
	it('turns a wall clock in a zone into an instant and back', () => {
		const at = zonedToUtc('2026-12-10', '18:00', 'Africa/Lagos');
		expect(at!.toISOString()).toBe('2026-12-10T17:00:00.000Z');
		expect(utcToZoned(at!, 'Africa/Lagos')).toEqual({ date: '2026-12-10', time: '18:00' });
		// The same instant seen from Bogotá (UTC−5, no daylight saving).
		expect(utcToZoned(at!, 'America/Bogota')).toEqual({ date: '2026-12-10', time: '12:00' });
	});
	it('follows daylight saving on either side', () => {
		// Paris changes on 28 March 2027, New York two weeks earlier: the gap is 5 then 6 hours.
		const before = zonedToUtc('2027-03-20', '18:00', 'Europe/Paris')!;
		const after = zonedToUtc('2027-04-03', '18:00', 'Europe/Paris')!;
		expect(utcToZoned(before, 'America/New_York').time).toBe('13:00');
		expect(utcToZoned(after, 'America/New_York').time).toBe('12:00');
		expect(utcToZoned(after, 'Africa/Lagos').time).toBe('17:00');
	});
	it('refuses a time that does not exist, an impossible date and an unknown zone', () => {
		expect(zonedToUtc('2027-03-28', '02:30', 'Europe/Paris')).toBeNull();
		expect(zonedToUtc('2027-02-30', '10:00', 'Europe/Paris')).toBeNull();
		expect(zonedToUtc('2027-02-10', '25:00', 'Europe/Paris')).toBeNull();
		expect(zonedToUtc('2027-02-10', '10:00', 'Mars/Olympus')).toBeNull();
		expect(isTimeZone('Europe/Paris')).toBe(true);
		expect(isTimeZone('../etc/passwd')).toBe(false);
	});
	it('writes a range in the reader’s language with the zone named', () => {
		const start = new Date('2026-12-10T17:00:00Z');
		const end = new Date('2026-12-10T19:00:00Z');
		expect(formatRange(start, end, 'Africa/Lagos', 'en')).toMatch(
			/December 10, 2026.*6:00.*8:00.*\(Africa\/Lagos\)/
		);
		expect(formatRange(start, end, 'America/Bogota', 'fr')).toMatch(
			/10 décembre 2026.*12:00.*14:00/
		);
	});
});
