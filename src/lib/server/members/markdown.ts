import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Members write short Markdown (bios, descriptions). No raw HTML survives: marked renders, then the
// sanitiser keeps a small allow-list; links get rel=nofollow and open safely. The transform runs before
// the attribute allow-list, so `rel` must be allowed or the sanitiser drops the value it just set; the
// transform overwrites any rel the author wrote.
const marked = new Marked({ gfm: true, breaks: true, async: false });

export function renderMarkdown(source: string): string {
	const html = marked.parse(source) as string;
	return sanitizeHtml(html, {
		allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'code'],
		allowedAttributes: { a: ['href', 'rel'] },
		allowedSchemes: ['https', 'http', 'mailto'],
		transformTags: {
			a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener ugc' })
		}
	});
}
