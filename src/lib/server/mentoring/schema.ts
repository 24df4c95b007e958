import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { MentoringRole, ProgrammeKind } from '#lib/mentoring/forms.ts';
import type { LanguageLevel } from '#lib/skills/forms.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';

/**
 * A mentoring programme an organisation runs (docs/decisions/0037): open to applications, then
 * running once its coordinator confirmed pairs, ended when the coordinator ends it. A mentor who
 * has not logged anything for `reminder_days` is reminded.
 */
export const mentoringProgramme = pgTable(
	'mentoring_programme',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull(),
		kind: text('kind').$type<ProgrammeKind>().notNull(),
		language: text('language').notNull(),
		reminderDays: integer('reminder_days').notNull().default(14),
		status: text('status').$type<'open' | 'ended'>().notNull().default('open'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		endedAt: timestamp('ended_at', { withTimezone: true }),
		demo: boolean('demo').notNull().default(false)
	},
	(t) => [index('mentoring_programme_organisation_idx').on(t.organisationId)]
);

/** A member's application to a programme, as a mentor or a mentee. */
export const mentoringApplication = pgTable(
	'mentoring_application',
	{
		id: text('id').primaryKey(),
		programmeId: text('programme_id')
			.notNull()
			.references(() => mentoringProgramme.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role').$type<MentoringRole>().notNull(),
		goals: text('goals').notNull(),
		/** ESCO skills: what a mentor offers, what a mentee wants to grow. */
		skills: text('skills').array().notNull(),
		languages: jsonb('languages').$type<{ code: string; level: LanguageLevel }[]>().notNull(),
		country: text('country'),
		utcOffset: integer('utc_offset').notNull(),
		availability: text('availability').notNull(),
		/** How many mentees a mentor takes on. */
		capacity: integer('capacity').notNull().default(1),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('mentoring_application_once').on(t.programmeId, t.userId)]
);

/**
 * A confirmed pair. `active` until it ends (the programme ends, or both finish) or one leaves
 * (`dropped`, who left kept). `last_activity_at` is the mentor's latest log; `reminded_at` the
 * latest reminder sent them.
 */
export const mentoringPair = pgTable(
	'mentoring_pair',
	{
		id: text('id').primaryKey(),
		programmeId: text('programme_id')
			.notNull()
			.references(() => mentoringProgramme.id, { onDelete: 'cascade' }),
		mentorId: text('mentor_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		menteeId: text('mentee_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The pair's score in thousandths (matching/pairs.ts), and its reasons as data. */
		score: integer('score').notNull(),
		reasons: jsonb('reasons').$type<unknown[]>().notNull(),
		status: text('status').$type<'active' | 'ended' | 'dropped'>().notNull().default('active'),
		droppedBy: text('dropped_by'),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
		endedAt: timestamp('ended_at', { withTimezone: true }),
		lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
		remindedAt: timestamp('reminded_at', { withTimezone: true })
	},
	(t) => [
		// A mentee is in one pair at a time; one who was left can be paired again.
		uniqueIndex('mentoring_pair_mentee_once')
			.on(t.programmeId, t.menteeId)
			.where(sql`${t.status} <> 'dropped'`),
		index('mentoring_pair_mentor_idx').on(t.mentorId)
	]
);

/** A session the pair held: when, how long, and notes only the two of them read. */
export const mentoringSession = pgTable(
	'mentoring_session',
	{
		id: serial('id').primaryKey(),
		pairId: text('pair_id')
			.notNull()
			.references(() => mentoringPair.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		day: text('day').notNull(),
		minutes: integer('minutes').notNull(),
		notes: text('notes').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('mentoring_session_pair_idx').on(t.pairId)]
);

/** A goal the pair set, and whether it was met. */
export const mentoringGoal = pgTable(
	'mentoring_goal',
	{
		id: serial('id').primaryKey(),
		pairId: text('pair_id')
			.notNull()
			.references(() => mentoringPair.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		metAt: timestamp('met_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('mentoring_goal_pair_idx').on(t.pairId)]
);

/** What each of the two says at the end: a rating out of 5, and a comment for the coordinator. */
export const mentoringFeedback = pgTable(
	'mentoring_feedback',
	{
		pairId: text('pair_id')
			.notNull()
			.references(() => mentoringPair.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		rating: integer('rating').notNull(),
		comment: text('comment').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('mentoring_feedback_once').on(t.pairId, t.userId)]
);
