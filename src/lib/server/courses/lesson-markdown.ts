import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

type Tag = { tagName: string; attribs: Record<string, string> };

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * A lesson's Markdown as HTML: headings, lists, quotes, tables, links, and the course's own files
 * (`media:ID`): an image shown, a sound played, anything else offered as a download. No raw HTML
 * survives; no image comes from elsewhere (a page that loads nothing it did not serve).
 */
export function renderLesson(
	source: string,
	media: Map<string, { kind: string; name: string }>,
	mediaPath: (id: string) => string
): string {
	const html = marked.parse(source) as string;
	return sanitizeHtml(html, {
		allowedTags: [
			'h2',
			'h3',
			'h4',
			'p',
			'br',
			'strong',
			'em',
			'ul',
			'ol',
			'li',
			'a',
			'blockquote',
			'code',
			'pre',
			'hr',
			'table',
			'thead',
			'tbody',
			'tr',
			'th',
			'td',
			'img',
			'audio'
		],
		allowedAttributes: {
			a: ['href', 'rel', 'download'],
			img: ['src', 'alt', 'loading'],
			audio: ['src', 'controls', 'preload']
		},
		allowedSchemes: ['https', 'http', 'mailto'],
		allowedSchemesByTag: { img: [], audio: [] },
		allowProtocolRelative: false,
		transformTags: {
			// "# Title" inside a lesson is a section of the page, whose title is the h1.
			h1: 'h2',
			a: (_tag, attribs): Tag => {
				const id = /^media:([0-9a-f-]{36})$/.exec(attribs.href ?? '')?.[1];
				const file = id ? media.get(id) : undefined;
				if (id && file?.kind === 'audio')
					return {
						tagName: 'audio',
						attribs: { src: mediaPath(id), controls: '', preload: 'none' }
					};
				if (id && file)
					return { tagName: 'a', attribs: { href: mediaPath(id), download: file.name } };
				if (id) return { tagName: 'span', attribs: {} };
				return {
					tagName: 'a',
					attribs: { href: attribs.href ?? '', rel: 'nofollow noopener ugc' }
				};
			},
			img: (_tag, attribs): Tag => {
				const id = /^media:([0-9a-f-]{36})$/.exec(attribs.src ?? '')?.[1];
				if (!id || media.get(id)?.kind !== 'image') return { tagName: 'span', attribs: {} };
				return {
					tagName: 'img',
					attribs: { src: mediaPath(id), alt: attribs.alt ?? '', loading: 'lazy' }
				};
			}
		}
	});
}
