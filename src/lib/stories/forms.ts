import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';

export const MAX_STORY = 20_000;

const text = (min: number, max: number, key: string) => userText(min, max, key);

/** A story: a title, Markdown text, its language; a cover image comes as a file beside it. */
export const storyForm = z.object({
	title: text(3, 150, 'error_story_title'),
	body: text(20, MAX_STORY, 'error_story_body'),
	language: z.enum(['en', 'fr', 'es', 'ar'], { error: 'error_language_invalid' }),
	coverAlt: text(0, 200, 'error_story_alt').default('')
});
