import { describe, expect, it } from 'vitest';
import { searchKey } from './normalise.ts';

describe('search keys', () => {
	it.each([
		['Hélène', 'helene'],
		['HÉLÈNE  Mbarga', 'helene mbarga'],
		['Nguyễn Thị Lan', 'nguyen thi lan'],
		['مُحَمَّد', 'محمد'],
		['أحمد', 'احمد'],
		['فاطمة', 'فاطمه'],
		['Ольга Петрова', 'ольга петрова'],
		['王秀英', '王秀英'],
		["O'Brien-Núñez", 'o brien nunez'],
		['ﬁnance', 'finance']
	])('%s → %s', (input, key) => {
		expect(searchKey(input)).toBe(key);
	});
});
