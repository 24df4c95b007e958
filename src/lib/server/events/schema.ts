import {
	bigserial,
	boolean,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import type { EventFormat, EventKind } from '#lib/events/forms.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { community } from '../communities/schema.ts';
import { tsvector } from '../db/types.ts';

/**
 * An event: its start and end are instants (UTC) and `time_zone` is where its clock is read
 * ("Africa/Lagos"); organised by a member, for an organisation or a community when one is set.
 * `online_url` is given to registered people only.
 */
export const event = pgTable(
	'event',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		kind: text('kind').$type<EventKind>().notNull(),
		format: text('format').$type<EventFormat>().notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		timeZone: text('time_zone').notNull(),
		place: text('place'),
		city: text('city'),
		country: text('country'),
		onlineUrl: text('online_url'),
		capacity: integer('capacity'),
		language: text('language').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'cascade'
		}),
		communityId: text('community_id').references(() => community.id, { onDelete: 'cascade' }),
		status: text('status').$type<'published' | 'cancelled'>().notNull().default('published'),
		registeredCount: integer('registered_count').notNull().default(0),
		waitingCount: integer('waiting_count').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		search: tsvector('search'),
		demo: boolean('demo').notNull().default(false)
	},
	(t) => [
		index('event_upcoming_idx').on(t.status, t.startsAt),
		index('event_search_idx').using('gin', t.search),
		index('event_community_idx').on(t.communityId, t.startsAt),
		index('event_organisation_idx').on(t.organisationId, t.startsAt)
	]
);

/**
 * A person's place at an event: registered, or waiting in line (`id` orders the line), until they
 * cancel (the row goes). `reminded_at` keeps the day-before reminder from going twice.
 */
export const eventRegistration = pgTable(
	'event_registration',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		status: text('status').$type<'registered' | 'waiting'>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		promotedAt: timestamp('promoted_at', { withTimezone: true }),
		remindedAt: timestamp('reminded_at', { withTimezone: true })
	},
	(t) => [
		unique('event_registration_once').on(t.eventId, t.userId),
		index('event_registration_line_idx').on(t.eventId, t.status, t.id),
		index('event_registration_user_idx').on(t.userId)
	]
);

/** A member's private calendar feed: the secret of its address, kept as a hash. */
export const calendarFeed = pgTable('calendar_feed', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
