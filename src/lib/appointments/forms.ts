import { z } from 'zod';
import { checkPhone } from '#lib/accounts/phone.ts';
import { isTimeZone } from '#lib/events/time.ts';

export const CHANNELS = ['video', 'phone', 'in_person', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];
export const MAX_SLOTS = 48;

/** Slots a counsellor offers at once: one day, from a time to a time, one slot every `length`. */
export const slotsForm = z
	.object({
		service: z.string().min(1, 'error_appointment_service').max(200),
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'error_event_date'),
		from: z.string().regex(/^\d{2}:\d{2}$/, 'error_event_time'),
		to: z.string().regex(/^\d{2}:\d{2}$/, 'error_event_time'),
		length: z.coerce
			.number({ error: 'error_appointment_length' })
			.int('error_appointment_length')
			.min(10, 'error_appointment_length')
			.max(240, 'error_appointment_length'),
		channel: z.enum(CHANNELS, { error: 'error_appointment_channel' }),
		videoUrl: z
			.string()
			.trim()
			.max(500, 'error_event_url')
			.refine((s) => s === '' || /^https:\/\/[^\s<>"]+$/i.test(s), 'error_event_url')
			.default(''),
		timeZone: z.string().trim().refine(isTimeZone, 'error_event_zone')
	})
	.superRefine((d, ctx) => {
		if (d.channel === 'video' && !d.videoUrl)
			ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'error_event_url_needed' });
	});

/** A booking: a name, and a phone number when the person has no account (or is not signed in). */
export const bookingForm = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'error_appointment_name')
		.max(100, 'error_appointment_name')
		.refine((s) => !/[\u202A-\u202E\u2066-\u2069\0]/.test(s), 'error_message_controls'),
	phone: z.string().trim().max(40).default('')
});

export function phoneOf(raw: string) {
	return checkPhone(raw);
}

export const noteForm = z.object({
	note: z
		.string()
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().max(4000, 'error_moderation_too_long'))
});
