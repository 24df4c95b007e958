import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';
import { isCountryCode } from '#lib/members/codes.ts';

/**
 * Who sees a community: `public` (anyone reads it; members join to write), `members` (listed; its
 * threads are for those who joined, and anyone signed in may join), `invite` (unlisted; only its
 * members know it exists, and one joins by an invitation link).
 */
export const COMMUNITY_VISIBILITIES = ['public', 'members', 'invite'] as const;
export type CommunityVisibility = (typeof COMMUNITY_VISIBILITIES)[number];

export const COMMUNITY_THEMES = [
	'origin',
	'newcomers',
	'work',
	'housing',
	'health',
	'education',
	'women',
	'youth',
	'culture',
	'faith',
	'other'
] as const;

export const MAX_POST = 10_000;

const clean = (min: number, max: number, short: string, long: string) =>
	userText(min, max, short, long);

export const communityForm = z.object({
	name: clean(3, 80, 'error_community_name', 'error_community_name'),
	description: clean(0, 2000, 'error_community_description', 'error_community_description'),
	theme: z.enum(COMMUNITY_THEMES, { error: 'error_community_theme' }),
	country: z
		.string()
		.transform((s) => s.trim().toUpperCase())
		.refine((s) => s === '' || isCountryCode(s), 'error_country_invalid')
		.default(''),
	language: z.enum(['en', 'fr', 'es', 'ar'], { error: 'error_language_invalid' }),
	visibility: z.enum(COMMUNITY_VISIBILITIES, { error: 'error_community_visibility' })
});
export type CommunityInput = z.infer<typeof communityForm>;

export const threadForm = z.object({
	title: clean(3, 150, 'error_thread_title', 'error_thread_title'),
	body: clean(1, MAX_POST, 'error_post_empty', 'error_post_too_long')
});

export const replyForm = z.object({
	body: clean(1, MAX_POST, 'error_post_empty', 'error_post_too_long')
});
