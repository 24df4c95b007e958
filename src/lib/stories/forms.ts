import { z } from 'zod';

export const MAX_STORY = 20_000;

const text = (min: number, max: number, key: string) =>
	z
		.string()
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(
			z
				.string()
				.min(min, key)
				.max(max, key)
				// bidi overrides and isolates that would reverse what others read, and NUL
				.refine(
					(s) => !/[\u202A-\u202E\u2066-\u2069]/.test(s) && !s.includes('\0'),
					'error_message_controls'
				)
		);

/** A story: a title, Markdown text, its language; a cover image comes as a file beside it. */
export const storyForm = z.object({
	title: text(3, 150, 'error_story_title'),
	body: text(20, MAX_STORY, 'error_story_body'),
	language: z.enum(['en', 'fr', 'es', 'ar'], { error: 'error_language_invalid' }),
	coverAlt: text(0, 200, 'error_story_alt').default('')
});
