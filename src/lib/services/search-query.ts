import { z } from 'zod';
import { isLanguageCode } from '#lib/members/codes.ts';

/** Without a radius, a place search looks this far around (km). */
export const DEFAULT_RADIUS_KM = 100;

/** An optional whole number from the query string; anything else is the given error, not a 500. */
const optionalInteger = (min: number, max: number, error: string) =>
	z
		.string()
		.default('')
		.transform((v, ctx) => {
			if (v === '') return null;
			const n = Number(v);
			if (!/^-?\d+$/.test(v.trim()) || n < min || n > max) {
				ctx.addIssue({ code: 'custom', message: error });
				return z.NEVER;
			}
			return n;
		});

const coordinates = z
	.string()
	.default('')
	.transform((v, ctx) => {
		if (v === '') return null;
		const match = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(v.trim());
		const [lat, lon] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
		if (!match || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
			ctx.addIssue({ code: 'custom', message: 'error_service_near_invalid' });
			return z.NEVER;
		}
		return [lat, lon] as [number, number];
	});

const flag = z
	.union([z.literal(''), z.literal('1'), z.literal('on'), z.literal('true')], {
		error: 'error_service_flag_invalid'
	})
	.transform((v) => v !== '')
	.default(false);

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
	near: coordinates,
	radius: optionalInteger(1, 1000, 'error_service_radius_invalid'),
	language: z
		.string()
		.default('')
		.refine((v) => v === '' || isLanguageCode(v), 'error_language_invalid'),
	open: flag,
	free: flag,
	age: optionalInteger(0, 120, 'error_service_age_invalid'),
	page: optionalInteger(1, 500, 'error_page_invalid').transform((v) => v ?? 1),
	per_page: optionalInteger(1, 50, 'error_page_invalid').transform((v) => v ?? 20)
});
export type ServiceQuery = z.infer<typeof serviceQuery>;
