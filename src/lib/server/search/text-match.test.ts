import { describe, expect, it } from 'vitest';
import { prefixQuery } from './text-match.ts';
import { searchKey } from './normalise.ts';

describe('prefixQuery', () => {
	it('matches every token by its start, at most eight of them', () => {
		expect(prefixQuery(searchKey('Hél  Mba'))).toBe('hel:* & mba:*');
		expect(prefixQuery('')).toBe('');
		expect(prefixQuery('a b c d e f g h i j').split(' & ')).toHaveLength(8);
	});
});
