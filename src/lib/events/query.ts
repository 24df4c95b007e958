import { z } from 'zod';
import { isCountryCode } from '#lib/members/codes.ts';

const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'error_event_date')
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'error_event_date');

/** The events list's query, shared by the page and `/api/v1/events`. Dates are UTC days. */
export const eventQuery = z.object({
	q: z.string().max(100, 'error_query_too_long').default(''),
	country: z
		.union([
			z.literal(''),
			z
				.string()
				.transform((v) => v.toUpperCase())
				.refine(isCountryCode, 'error_country_invalid')
		])
		.default(''),
	online: z.enum(['', 'true', 'false']).default(''),
	from: z.union([z.literal(''), day]).default(''),
	to: z.union([z.literal(''), day]).default(''),
	page: z.coerce.number().int().min(1).max(500).default(1)
});
export type EventQueryInput = z.infer<typeof eventQuery>;

/** The parsed query as listEvents takes it (a `to` day includes that whole day). */
export function toEventFilter(q: EventQueryInput) {
	return {
		q: q.q,
		country: q.country || undefined,
		online: q.online === 'true',
		from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
		to: q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) : undefined,
		page: q.page
	};
}
