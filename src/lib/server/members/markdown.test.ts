import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

const REL = 'nofollow noopener ugc';

function anchors(html: string) {
	return [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);
}

describe('renderMarkdown', () => {
	it('gives a Markdown link rel="nofollow noopener ugc"', () => {
		const html = renderMarkdown('See [our site](https://example.org/about).');
		expect(anchors(html)).toEqual([`<a href="https://example.org/about" rel="${REL}">`]);
	});

	it('gives autolinks and bare URLs the same rel', () => {
		const html = renderMarkdown(
			'<https://example.org/a> and https://example.net/b and <me@example.org>'
		);
		const found = anchors(html);
		expect(found).toHaveLength(3);
		for (const a of found) expect(a).toContain(`rel="${REL}"`);
	});

	it('replaces a rel the author wrote in raw HTML and drops other attributes', () => {
		const html = renderMarkdown(
			'<a href="https://example.org" rel="me opener" target="_blank" onclick="x()">hi</a>'
		);
		expect(anchors(html)).toEqual([`<a href="https://example.org" rel="${REL}">`]);
	});

	it('still refuses javascript: links and script', () => {
		const html = renderMarkdown('[x](javascript:alert(1)) <script>alert(1)</script>');
		expect(html).not.toContain('javascript:');
		expect(html).not.toContain('<script');
	});
});
