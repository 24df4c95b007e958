import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';
import { isCountryCode } from '#lib/members/codes.ts';
import { isTimeZone } from './time.ts';

export const EVENT_KINDS = [
	'virtual_exchange',
	'workshop',
	'training',
	'job_fair',
	'screening',
	'concert',
	'talent_show',
	'meeting',
	'other'
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_FORMATS = ['online', 'in_person', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const MAX_CAPACITY = 100_000;

const text = (min: number, max: number, key: string) => userText(min, max, key);

/**
 * An event as its organiser types it: the start and end as wall-clock date and time in the event's
 * own time zone (stored as instants, events/save.ts); capacity empty for no limit.
 */
export const eventForm = z
	.object({
		title: text(3, 150, 'error_event_title'),
		description: text(0, 5000, 'error_event_description'),
		kind: z.enum(EVENT_KINDS, { error: 'error_event_kind' }),
		format: z.enum(EVENT_FORMATS, { error: 'error_event_format' }),
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'error_event_date'),
		start: z.string().regex(/^\d{2}:\d{2}$/, 'error_event_time'),
		end: z.string().regex(/^\d{2}:\d{2}$/, 'error_event_time'),
		endDate: z
			.string()
			.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'error_event_date')
			.default(''),
		timeZone: z.string().trim().default(''),
		place: text(0, 200, 'error_event_place').default(''),
		city: text(0, 100, 'error_event_place').default(''),
		country: z
			.string()
			.transform((s) => s.trim().toUpperCase())
			.refine((s) => s === '' || isCountryCode(s), 'error_country_invalid')
			.default(''),
		onlineUrl: z
			.string()
			.trim()
			.max(500, 'error_event_url')
			.refine((s) => s === '' || /^https:\/\/[^\s<>"]+$/i.test(s), 'error_event_url')
			.default(''),
		capacity: z
			.string()
			.default('')
			.transform((s) => s.trim())
			.refine((s) => s === '' || /^\d{1,6}$/.test(s), 'error_event_capacity')
			.transform((s) => (s === '' ? null : Number(s)))
			.refine((n) => n === null || (n >= 1 && n <= MAX_CAPACITY), 'error_event_capacity'),
		language: z.enum(['en', 'fr', 'es', 'ar'], { error: 'error_language_invalid' })
	})
	.superRefine((d, ctx) => {
		if (d.timeZone && !isTimeZone(d.timeZone))
			ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'error_event_zone' });
		if (d.format !== 'in_person' && !d.onlineUrl)
			ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'error_event_url_needed' });
		if (d.format !== 'online' && !d.city)
			ctx.addIssue({ code: 'custom', path: ['city'], message: 'error_event_city_needed' });
	});
export type EventInput = z.infer<typeof eventForm>;
