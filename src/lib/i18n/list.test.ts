import { describe, expect, it } from 'vitest';
import { itemSeparator, listOf } from './list.ts';

describe('lists in the reader’s language', () => {
	it('joins with the language’s own words and commas', () => {
		expect(listOf(['Arabic', 'Kurdish', 'French'], 'en')).toBe('Arabic, Kurdish, and French');
		expect(listOf(['arabe', 'kurde', 'français'], 'fr')).toBe('arabe, kurde et français');
		expect(listOf(['العربية', 'الكردية'], 'ar')).not.toContain(',');
		expect(listOf(['09:00–12:00', '14:00–17:30'], 'en', 'unit')).toBe('09:00–12:00, 14:00–17:30');
		expect(itemSeparator('ar')).toBe('، ');
	});
});
