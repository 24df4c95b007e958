import {
	bigint,
	bigserial,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import type { DecisionAction, ReportReason, SubjectKind } from '#lib/moderation/forms.ts';
import type { Subject } from './subject.ts';
import { user } from '../accounts/schema.ts';

/**
 * One piece of content before moderators: every report about it joins the same case. `excerpt`
 * is what the content said when it was first reported (moderators read this, not the content:
 * a private conversation stays closed to them); `flagged_terms` are lexicon matches found on save.
 */
export const moderationCase = pgTable(
	'moderation_case',
	{
		id: text('id').primaryKey(),
		kind: text('kind').$type<SubjectKind>().notNull(),
		subjectId: text('subject_id').notNull(),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		excerpt: text('excerpt').notNull(),
		/** Where moderators can see the content in place, when it is public (a profile); else null. */
		path: text('path'),
		/** The community the content belongs to, whose moderators may decide it too; null for none. */
		scope: text('scope'),
		status: text('status').$type<'open' | 'decided' | 'appealed'>().notNull().default('open'),
		flaggedTerms: text('flagged_terms').array().notNull().default([]),
		/** The operator's text classifier's highest flagging label and its score (screening.ts). */
		classifierLabel: text('classifier_label'),
		classifierScore: real('classifier_score'),
		reportCount: integer('report_count').notNull().default(0),
		openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('moderation_case_subject_key').on(t.kind, t.subjectId),
		index('moderation_case_queue_idx').on(t.status, t.updatedAt),
		index('moderation_case_author_idx').on(t.authorId),
		index('moderation_case_scope_idx').on(t.scope, t.status)
	]
);

/** A report: who sent it (null when the lexicon check raised it), why, and what they added. */
export const moderationReport = pgTable(
	'moderation_report',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		caseId: text('case_id')
			.notNull()
			.references(() => moderationCase.id, { onDelete: 'cascade' }),
		reporterId: text('reporter_id').references(() => user.id, { onDelete: 'set null' }),
		reason: text('reason').$type<ReportReason>().notNull(),
		note: text('note').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('moderation_report_once').on(t.caseId, t.reporterId),
		index('moderation_report_reporter_idx').on(t.reporterId)
	]
);

/** A moderator's decision, with the ground and the statement of reasons its author reads. */
export const moderationDecision = pgTable(
	'moderation_decision',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		caseId: text('case_id')
			.notNull()
			.references(() => moderationCase.id, { onDelete: 'cascade' }),
		moderatorId: text('moderator_id').references(() => user.id, { onDelete: 'set null' }),
		action: text('action').$type<DecisionAction>().notNull(),
		ground: text('ground').$type<ReportReason>().notNull(),
		statement: text('statement').notNull(),
		suspendUntil: timestamp('suspend_until', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('moderation_decision_case_idx').on(t.caseId)]
);

/** The author's one appeal of a decision, and how a second moderator answered it. */
export const moderationAppeal = pgTable('moderation_appeal', {
	decisionId: bigint('decision_id', { mode: 'number' })
		.primaryKey()
		.references(() => moderationDecision.id, { onDelete: 'cascade' }),
	authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
	text: text('text').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	outcome: text('outcome').$type<'upheld' | 'reversed'>(),
	statement: text('statement'),
	decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
	decidedAt: timestamp('decided_at', { withTimezone: true })
});

/** Content moderators hid: the module that shows it asks here (holds.ts). */
export const moderationHold = pgTable(
	'moderation_hold',
	{
		kind: text('kind').$type<SubjectKind>().notNull(),
		subjectId: text('subject_id').notNull(),
		decisionId: bigint('decision_id', { mode: 'number' }).references(() => moderationDecision.id, {
			onDelete: 'set null'
		}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.kind, t.subjectId] })]
);

/** An account suspended until a time: it reads, appeals and leaves, and writes nothing else. */
export const accountSuspension = pgTable('account_suspension', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	until: timestamp('until', { withTimezone: true }).notNull(),
	decisionId: bigint('decision_id', { mode: 'number' }).references(() => moderationDecision.id, {
		onDelete: 'set null'
	})
});

/**
 * Terms that flag text for moderators when it is saved (lexicon.ts): `key` is the term as the
 * search normalises it (accents, Arabic letter forms), so "Envahisseurs" matches "envahisseurs".
 */
export const lexiconTerm = pgTable(
	'lexicon_term',
	{
		language: text('language').notNull(),
		key: text('key').notNull(),
		term: text('term').notNull(),
		source: text('source').notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.language, t.key] })]
);

/**
 * Text saved while an operator's classifier is set, waiting to be scored off the request path
 * (screening.ts): one row per piece of content (a later save replaces it), deleted once scored,
 * and with its author's account.
 */
export const moderationScreening = pgTable(
	'moderation_screening',
	{
		kind: text('kind').$type<SubjectKind>().notNull(),
		subjectId: text('subject_id').notNull(),
		authorId: text('author_id').references(() => user.id, { onDelete: 'cascade' }),
		subject: jsonb('subject').$type<Subject>().notNull(),
		text: text('text').notNull(),
		attempts: integer('attempts').notNull().default(0),
		queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.kind, t.subjectId] }),
		index('moderation_screening_queued_idx').on(t.queuedAt)
	]
);
