import { z } from 'zod';
import { hasHiddenCharacters, normaliseText } from '#lib/accounts/text-rules.ts';
import { nameSchema } from '#lib/accounts/schemas.ts';
import { isCountryCode, isLanguageCode } from './codes.ts';

export const VISIBILITIES = ['public', 'members', 'nobody'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Fields with their own visibility, and the choice a new profile starts with (private by default). */
export const PROFILE_FIELDS = {
	headline: 'members',
	photo: 'members',
	origin: 'members',
	residence: 'members',
	city: 'nobody',
	languages: 'members',
	expertise: 'members',
	interests: 'members',
	bio: 'members',
	links: 'members'
} as const satisfies Record<string, Visibility>;
export type ProfileField = keyof typeof PROFILE_FIELDS;
export const FIELD_NAMES = Object.keys(PROFILE_FIELDS) as ProfileField[];

export const LANGUAGE_LEVELS = ['native', 'fluent', 'intermediate', 'basic'] as const;
export const ESCO_URI = /^http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/[0-9a-f-]{36}$/;

const shortText = (max: number, error: string) =>
	z
		.string()
		.max(max * 4, error)
		.refine((v) => !hasHiddenCharacters(v), error)
		.transform(normaliseText)
		.pipe(z.string().max(max, error));

const visibility = z.enum(VISIBILITIES, { error: 'error_visibility_invalid' });

export const profileForm = z.object({
	name: nameSchema,
	headline: shortText(120, 'error_headline_invalid'),
	city: shortText(80, 'error_city_invalid'),
	bio: z
		.string()
		.max(4000, 'error_bio_too_long')
		.refine((v) => !/[\u202a-\u202e\u2066-\u2069]/.test(v), 'error_bio_invalid')
		.transform((v) => v.replace(/\r\n/g, '\n').trim()),
	residence: z.union([z.literal(''), z.string().refine(isCountryCode, 'error_country_invalid')]),
	origin: z
		.array(z.string().refine(isCountryCode, 'error_country_invalid'))
		.max(3, 'error_origin_too_many'),
	languages: z
		.array(
			z.object({
				code: z.string().refine(isLanguageCode, 'error_language_invalid'),
				level: z.enum(LANGUAGE_LEVELS, { error: 'error_language_invalid' })
			})
		)
		.max(10, 'error_languages_too_many'),
	expertise: z
		.array(z.string().regex(ESCO_URI, 'error_expertise_invalid'))
		.max(20, 'error_expertise_too_many'),
	interests: z
		.array(shortText(40, 'error_interest_invalid').pipe(z.string().min(1)))
		.max(10, 'error_interests_too_many'),
	links: z
		.array(
			z.object({
				url: z
					.string()
					.max(300, 'error_link_invalid')
					.pipe(z.url({ protocol: /^https?$/, error: 'error_link_invalid' })),
				label: shortText(60, 'error_link_invalid')
			})
		)
		.max(5, 'error_links_too_many'),
	contentLocale: z.enum(['en', 'fr', 'es', 'ar']),
	listed: visibility,
	visibility: z.object(
		Object.fromEntries(FIELD_NAMES.map((f) => [f, visibility])) as Record<
			ProfileField,
			typeof visibility
		>
	)
});
export type ProfileInput = z.infer<typeof profileForm>;

export type Viewer = 'owner' | 'member' | 'visitor';

/** Who sees a field: the owner always; members what is public or for members; visitors what is public. */
export function canSee(viewer: Viewer, setting: Visibility) {
	if (viewer === 'owner') return true;
	if (viewer === 'member') return setting !== 'nobody';
	return setting === 'public';
}
