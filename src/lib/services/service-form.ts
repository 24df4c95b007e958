import { parseClosures } from './closures.ts';
import { z } from 'zod';
import { hasHiddenCharacters, normaliseText } from '#lib/accounts/text-rules.ts';
import { isCountryCode, isLanguageCode } from '#lib/members/codes.ts';

export const SERVICE_STATUSES = ['active', 'inactive', 'temporarily closed', 'defunct'] as const;
export const CONTENT_LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const line = (max: number, error: string) =>
	z
		.string()
		.max(max * 4, error)
		.refine((v) => !hasHiddenCharacters(v), error)
		.transform(normaliseText)
		.pipe(z.string().max(max, error));

const paragraph = (max: number, error: string) =>
	z
		.string()
		.max(max, error)
		.refine((v) => !/[\u202a-\u202e\u2066-\u2069]/.test(v) && !hasControlCharacters(v), error)
		.transform((v) => v.replace(/\r\n/g, '\n').trim());

/** Control characters other than tab and line breaks (PostgreSQL refuses NUL in text). */
function hasControlCharacters(v: string) {
	for (let i = 0; i < v.length; i++) {
		const c = v.charCodeAt(i);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
	}
	return false;
}

/** The texts of a service that exist once per language. */
export const serviceTexts = z.object({
	name: line(150, 'error_service_name_invalid').pipe(
		z.string().min(2, 'error_service_name_invalid')
	),
	description: paragraph(4000, 'error_service_text_invalid'),
	eligibility: paragraph(1000, 'error_service_text_invalid'),
	applicationProcess: paragraph(1000, 'error_service_text_invalid'),
	feesDescription: paragraph(500, 'error_service_text_invalid'),
	interpretation: paragraph(500, 'error_service_text_invalid'),
	/** One required document per line. */
	documents: paragraph(1000, 'error_service_text_invalid')
});
export type ServiceTexts = z.infer<typeof serviceTexts>;

const time = z.union([
	z.literal(''),
	z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'error_service_time_invalid')
]);
const optionalAge = z.union([
	z.literal('').transform(() => null),
	z.coerce
		.number()
		.int('error_service_age_invalid')
		.min(0, 'error_service_age_invalid')
		.max(120, 'error_service_age_invalid')
]);
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, 'error_service_reference_invalid');

/** What a provider edits: shared facts, plus the texts in one language (`locale`). */
export const serviceForm = z
	.object({
		locale: z.enum(CONTENT_LOCALES),
		texts: serviceTexts,
		status: z.enum(SERVICE_STATUSES, { error: 'error_service_status_invalid' }),
		termIds: z
			.array(uuid)
			.min(1, 'error_service_need_required')
			.max(5, 'error_service_need_required'),
		languages: z.array(z.string().refine(isLanguageCode, 'error_language_invalid')).max(20),
		free: z.boolean(),
		minimumAge: optionalAge,
		maximumAge: optionalAge,
		url: z.union([
			z.literal(''),
			z
				.string()
				.max(300, 'error_link_invalid')
				.pipe(z.url({ protocol: /^https?$/, error: 'error_link_invalid' }))
		]),
		email: z.union([z.literal(''), z.email('error_email_invalid').max(200, 'error_email_invalid')]),
		phone: z.union([
			z.literal(''),
			z.string().regex(/^\+?[0-9 ()-]{5,25}$/, 'error_phone_invalid')
		]),
		locationIds: z.array(uuid).max(50),
		/** Per day, one opening and an optional second one (after a lunch break). */
		hours: z
			.array(
				z.object({
					opens: time,
					closes: time,
					opens2: time.default(''),
					closes2: time.default('')
				})
			)
			.length(7),
		hoursNote: line(200, 'error_service_text_invalid'),
		/** Dates the service is closed, one per line ("2026-12-25", "2026-08-01 – 2026-08-15"). */
		closures: z
			.string()
			.max(1500, 'error_service_closures_invalid')
			.default('')
			.refine((v) => parseClosures(v) !== null, 'error_service_closures_invalid')
	})
	.refine((v) => v.minimumAge === null || v.maximumAge === null || v.minimumAge <= v.maximumAge, {
		message: 'error_service_age_invalid',
		path: ['maximumAge']
	})
	.refine(
		(v) =>
			v.hours.every(
				(h) =>
					(h.opens === '') === (h.closes === '') &&
					(h.opens === '' || h.opens !== h.closes) &&
					(h.opens2 === '') === (h.closes2 === '') &&
					(h.opens2 === '' || (h.opens !== '' && h.opens2 !== h.closes2)) &&
					// The second opening starts once the first has closed, the same day.
					(h.opens2 === '' || (h.closes > h.opens && h.opens2 >= h.closes))
			),
		{
			message: 'error_service_time_invalid',
			path: ['hours']
		}
	);
export type ServiceInput = z.infer<typeof serviceForm>;

/** A latitude or longitude as people type it: empty, "45.75" or "45,75" (a decimal comma). */
const coordinate = (limit: number) =>
	z
		.union([z.string(), z.number()])
		.default('')
		.transform((v, ctx) => {
			const text = String(v).trim().replace(',', '.');
			if (text === '') return null;
			const n = Number(text);
			if (!/^-?\d{1,3}(\.\d+)?$/.test(text) || Math.abs(n) > limit) {
				ctx.addIssue({ code: 'custom', message: 'error_location_coordinates_invalid' });
				return z.NEVER;
			}
			return n;
		});

export const locationForm = z.object({
	name: line(150, 'error_location_name_invalid').pipe(
		z.string().min(2, 'error_location_name_invalid')
	),
	address1: line(200, 'error_location_address_invalid').pipe(
		z.string().min(2, 'error_location_address_invalid')
	),
	city: line(100, 'error_city_invalid').pipe(z.string().min(1, 'error_city_invalid')),
	region: line(100, 'error_location_address_invalid'),
	postalCode: line(20, 'error_location_address_invalid'),
	country: z
		.string()
		.transform((v) => v.toUpperCase())
		.refine(isCountryCode, 'error_country_invalid'),
	latitude: coordinate(90),
	longitude: coordinate(180),
	/** Empty: the time zone at the place's coordinates. */
	timeZone: z.union([
		z.literal(''),
		z.string().refine(isTimeZone, 'error_location_time_zone_invalid')
	]),
	accessibility: paragraph(500, 'error_service_text_invalid'),
	transportation: paragraph(500, 'error_service_text_invalid')
});
export type LocationInput = z.infer<typeof locationForm>;

export function isTimeZone(value: string) {
	if (!value || value.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
