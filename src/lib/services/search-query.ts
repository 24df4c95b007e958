import { z } from 'zod';
import { isLanguageCode } from '#lib/members/codes.ts';

const coordinates = z
	.string()
	.regex(/^-?\d{1,2}(\.\d+)?,\s*-?\d{1,3}(\.\d+)?$/, 'error_service_near_invalid')
	.transform((v) => v.split(',').map(Number) as [number, number])
	.refine(
		([lat, lon]) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180,
		'error_service_near_invalid'
	);

const flag = z
	.union([z.literal(''), z.literal('1'), z.literal('on'), z.literal('true')])
	.transform((v) => v !== '')
	.default(false);

/** Without a radius, a place search looks this far around (km). */
export const DEFAULT_RADIUS_KM = 100;

/** The service search, shared by the page (query string) and the API. */
export const serviceQuery = z.object({
	q: z.string().max(100, 'error_query_too_long').default(''),
	/** A taxonomy term code of the default taxonomy, or any term id. */
	need: z
		.string()
		.max(64, 'error_service_need_invalid')
		.regex(/^[a-z0-9-]*$/i, 'error_service_need_invalid')
		.default(''),
	place: z.string().max(100, 'error_query_too_long').default(''),
	near: z.union([z.literal('').transform(() => null), coordinates]).default(null),
	radius: z
		.union([z.literal('').transform(() => null), z.coerce.number().int().min(1).max(1000)])
		.default(null),
	language: z
		.union([z.literal(''), z.string().refine(isLanguageCode, 'error_language_invalid')])
		.default(''),
	open: flag,
	free: flag,
	age: z
		.union([z.literal('').transform(() => null), z.coerce.number().int().min(0).max(120)])
		.default(null),
	page: z.coerce.number().int().min(1).max(500).default(1),
	per_page: z.coerce.number().int().min(1).max(50).default(20)
});
export type ServiceQuery = z.infer<typeof serviceQuery>;
