import type { City } from './service-data.ts';

/** The weekly hours a kind of service tends to keep. */
export type Pattern =
	'office' | 'split' | 'long' | 'overnight' | 'always' | 'weekend' | 'evenings' | 'none';

/** Weekly hours a kind of service tends to keep (weights per pattern). */
export function patternFor(need: string, r: number): Pattern {
	if (r < 0.05) return 'none';
	const p = (r - 0.05) / 0.95;
	switch (need) {
		case 'housing':
			return p < 0.5 ? 'overnight' : p < 0.7 ? 'long' : 'office';
		case 'gbv':
			return p < 0.35 ? 'always' : 'office';
		case 'health':
			return p < 0.3 ? 'long' : 'office';
		case 'language-courses':
			return p < 0.5 ? 'evenings' : p < 0.8 ? 'split' : 'weekend';
		case 'food':
		case 'children':
			return p < 0.45 ? 'split' : p < 0.75 ? 'weekend' : 'office';
		default:
			return p < 0.6 ? 'office' : p < 0.9 ? 'split' : 'weekend';
	}
}

/** HSDS weekly schedules (RFC 5545 byday); a closing time at or before opening runs past midnight. */
export function schedulesFor(
	pattern: Pattern,
	c: City
): [byday: string, opens: string, closes: string][] {
	const week = c.sundayWeek ? ['SU', 'MO', 'TU', 'WE', 'TH'] : ['MO', 'TU', 'WE', 'TH', 'FR'];
	const all = 'MO,TU,WE,TH,FR,SA,SU';
	switch (pattern) {
		case 'office':
			return [[week.join(','), '09:00', '17:00']];
		case 'split':
			return [
				[week.slice(0, 3).join(','), '09:00', '12:30'],
				[week.slice(3).join(','), '14:00', '18:00']
			];
		case 'long':
			return [[all, '08:00', '20:00']];
		case 'overnight':
			return [[all, '19:00', '08:00']];
		case 'always':
			return [[all, '00:00', '00:00']];
		case 'weekend':
			return [
				['SA', '10:00', '16:00'],
				[week[2], '18:00', '21:00']
			];
		case 'evenings':
			return [[week.slice(0, 4).join(','), '17:30', '21:00']];
		case 'none':
			return [];
	}
}
