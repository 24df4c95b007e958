import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

const marks = (text: string, terms: string[]) =>
	highlight(text, terms)
		.filter((p) => p.mark)
		.map((p) => p.text);

describe('highlight', () => {
	it('marks whole words and phrases whatever their case and accents', () => {
		expect(
			marks('Ces ENVAHISSEURS, rentre chez toi !', ['envahisseurs', 'rentre chez toi'])
		).toEqual(['ENVAHISSEURS', 'rentre chez toi']);
		expect(marks('Son los parasitos', ['parásitos'])).toEqual(['parasitos']);
	});
	it('does not mark a term inside another word', () => {
		expect(marks('grapes and vermingly', ['vermin', 'rape'])).toEqual([]);
	});
	it('marks Arabic with its letter forms folded', () => {
		expect(marks('قال: إرجع إلى بلدك الآن', ['ارجع إلى بلدك'])).toEqual(['إرجع إلى بلدك']);
	});
	it('keeps every character of the text, in order', () => {
		const text = 'a vermin b';
		expect(
			highlight(text, ['vermin'])
				.map((p) => p.text)
				.join('')
		).toBe(text);
	});
});
