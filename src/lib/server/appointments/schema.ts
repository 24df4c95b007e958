import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Channel } from '#lib/appointments/forms.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';

/**
 * One appointment slot a service offers, and its booking when someone took it: by a member
 * (`booked_user_id`) or by anyone with a phone number. `cancel_token_hash` lets the person cancel
 * from the link they were sent; `note` is the counsellor's, never shown to the person.
 */
export const appointment = pgTable(
	'appointment',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		timeZone: text('time_zone').notNull(),
		channel: text('channel').$type<Channel>().notNull(),
		videoUrl: text('video_url'),
		status: text('status').$type<'open' | 'booked'>().notNull().default('open'),
		bookedUserId: text('booked_user_id').references(() => user.id, { onDelete: 'set null' }),
		bookedName: text('booked_name'),
		bookedPhone: text('booked_phone'),
		/** The language the person booked in: their SMS come in it. */
		bookedLocale: text('booked_locale'),
		bookedAt: timestamp('booked_at', { withTimezone: true }),
		cancelTokenHash: text('cancel_token_hash'),
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		attendance: text('attendance').$type<'attended' | 'no_show'>(),
		note: text('note').notNull().default(''),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('appointment_service_idx').on(t.serviceId, t.startsAt),
		index('appointment_organisation_idx').on(t.organisationId, t.startsAt),
		index('appointment_user_idx').on(t.bookedUserId),
		index('appointment_token_idx').on(t.cancelTokenHash)
	]
);
