import { z } from 'zod';
import { ESCO_URI } from './profile.ts';
import { isCountryCode, isLanguageCode } from './codes.ts';
import { ORGANISATION_KINDS } from './organisation-kinds.ts';

const country = z
	.string()
	.transform((v) => v.toUpperCase())
	.refine(isCountryCode, 'error_country_invalid');

/** The directory's query, shared by the page (query string) and the JSON API. */
export const directoryQuery = z.object({
	q: z.string().max(100, 'error_query_too_long').default(''),
	origin: z.union([z.literal(''), country]).default(''),
	residence: z.union([z.literal(''), country]).default(''),
	language: z
		.union([z.literal(''), z.string().refine(isLanguageCode, 'error_language_invalid')])
		.default(''),
	expertise: z
		.union([z.literal(''), z.string().regex(ESCO_URI, 'error_expertise_invalid')])
		.default(''),
	interest: z.string().max(40, 'error_interest_invalid').default(''),
	type: z.enum(['members', 'organisations']).default('members'),
	kind: z.union([z.literal(''), z.enum(ORGANISATION_KINDS)]).default(''),
	page: z.coerce.number().int().min(1).max(1000).default(1),
	per_page: z.coerce.number().int().min(1).max(50).default(20)
});
export type DirectoryQuery = z.infer<typeof directoryQuery>;
