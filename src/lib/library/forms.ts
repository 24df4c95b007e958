import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';
import { isCountryCode } from '#lib/members/codes.ts';

/** What a library resource is about: the themes people browse by (docs/decisions/0028). */
export const LIBRARY_THEMES = [
	'arrival',
	'documents',
	'rights',
	'housing',
	'health',
	'work',
	'education',
	'language',
	'digital',
	'money',
	'family',
	'living_together',
	'safety',
	'diaspora'
] as const;
export type LibraryTheme = (typeof LIBRARY_THEMES)[number];

/** What a resource is: a document (PDF or office file), a web page, a video, audio, an image. */
export const RESOURCE_KINDS = ['document', 'link', 'video', 'audio', 'image'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The largest file a resource carries: larger ones are given by link (people pay for data). */
export const RESOURCE_MAX_BYTES = 3.5 * 1024 * 1024;
export const RESOURCE_MAX_MB = 3.5;
export const MAX_RESOURCE_DESCRIPTION = 5000;

const httpUrl = z
	.string()
	.trim()
	.max(2000, { error: 'error_resource_url' })
	.refine(
		(v) => {
			if (!v) return true;
			try {
				const u = new URL(v);
				return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
			} catch {
				return false;
			}
		},
		{ error: 'error_resource_url' }
	)
	.default('');

/**
 * A resource as its contributor describes it: title, description (Markdown), language, themes,
 * the country it is about (or none: anywhere), and a link, unless a file comes beside it.
 */
export const resourceForm = z.object({
	title: userText(3, 200, 'error_resource_title'),
	description: userText(10, MAX_RESOURCE_DESCRIPTION, 'error_resource_description'),
	language: z.enum(['en', 'fr', 'es', 'ar'], { error: 'referral_error_language_invalid' }),
	themes: z
		.array(z.enum(LIBRARY_THEMES, { error: 'error_resource_themes' }))
		.min(1, { error: 'error_resource_themes' })
		.max(4, { error: 'error_resource_themes' }),
	country: z
		.string()
		.trim()
		.refine((v) => v === '' || isCountryCode(v), { error: 'error_country_invalid' })
		.default(''),
	kind: z.enum(['link', 'video', 'audio'], { error: 'error_resource_kind' }).default('link'),
	url: httpUrl
});
export type ResourceInput = z.infer<typeof resourceForm>;

/** The library's filters, from a query string; unknown values are dropped, not errors. */
export function libraryFilters(params: URLSearchParams) {
	const pick = <T extends string>(values: readonly T[], v: string | null) =>
		v && (values as readonly string[]).includes(v) ? (v as T) : undefined;
	const country = params.get('country')?.toUpperCase();
	const page = Number(params.get('page'));
	return {
		q: (params.get('q') ?? '').slice(0, 100),
		theme: pick(LIBRARY_THEMES, params.get('theme')),
		kind: pick(RESOURCE_KINDS, params.get('kind')),
		language: pick(['en', 'fr', 'es', 'ar'] as const, params.get('language')),
		country: country && isCountryCode(country) ? country : undefined,
		page: Number.isInteger(page) && page > 0 && page < 1000 ? page : 1
	};
}
export type LibraryFilters = ReturnType<typeof libraryFilters>;

/** The library's query in the API (/api/v1/resources): the same filters, refused when wrong. */
export const resourceQuery = z.object({
	q: z.string().max(100).optional().describe('Words of the title or description, by prefix'),
	theme: z.enum(LIBRARY_THEMES).optional(),
	kind: z.enum(RESOURCE_KINDS).optional(),
	language: z.enum(['en', 'fr', 'es', 'ar']).optional(),
	country: z
		.string()
		.regex(/^[A-Za-z]{2}$/)
		.optional()
		.describe('ISO 3166-1 alpha-2 code of the country a resource is about'),
	page: z.coerce.number().int().min(1).max(999).default(1)
});
