import { describe, expect, it } from 'vitest';
import { prefixQuery, queryTokens } from './text-match.ts';
import { searchKey } from './normalise.ts';

describe('prefixQuery', () => {
	it('matches every token by its start, at most eight of them', () => {
		expect(prefixQuery(searchKey('Hél  Mba'))).toBe('hel:* & mba:*');
		expect(prefixQuery('')).toBe('');
		expect(prefixQuery('a b c d e f g h i j').split(' & ')).toHaveLength(8);
	});
});

describe('queryTokens', () => {
	it('keeps distinct tokens in order, at most eight', () => {
		expect(queryTokens(searchKey('Nguyễn  nguyen Lan'))).toEqual(['nguyen', 'lan']);
		expect(queryTokens('')).toEqual([]);
		expect(queryTokens('a b c d e f g h i j')).toHaveLength(8);
	});
});
