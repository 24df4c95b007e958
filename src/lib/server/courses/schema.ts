import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import type { Choice, CourseAudience, LessonKind, QuestionKind } from '#lib/courses/forms.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';

/**
 * A course in one language (docs/decisions/0030), written by an organisation's staff (or, with no
 * organisation, the platform's own seed courses). Translations share `translation_group`. A
 * cohort course admits those who opened its invitation link (`cohort_code_hash`).
 */
export const course = pgTable(
	'course',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'cascade'
		}),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		language: text('language').notNull(),
		audience: text('audience').$type<CourseAudience>().notNull().default('open'),
		cohortCodeHash: text('cohort_code_hash'),
		translationGroup: text('translation_group').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		demo: boolean('demo').notNull().default(false)
	},
	(t) => [
		index('course_language_idx').on(t.language, t.publishedAt),
		index('course_group_idx').on(t.translationGroup)
	]
);

export const courseModule = pgTable(
	'course_module',
	{
		id: text('id').primaryKey(),
		courseId: text('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull()
	},
	(t) => [index('course_module_course_idx').on(t.courseId, t.position)]
);

/** A lesson: Markdown text, or a quiz (its questions below) with a pass mark in percent. */
export const courseLesson = pgTable(
	'course_lesson',
	{
		id: text('id').primaryKey(),
		moduleId: text('module_id')
			.notNull()
			.references(() => courseModule.id, { onDelete: 'cascade' }),
		courseId: text('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind').$type<LessonKind>().notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		minutes: integer('minutes').notNull().default(5),
		passMark: integer('pass_mark').notNull().default(70)
	},
	(t) => [index('course_lesson_module_idx').on(t.moduleId, t.position)]
);

/**
 * A quiz question. `choices` carry which are right (never sent to a learner's page: read.ts
 * strips them); `answers` are the accepted short answers, as the search normalises them.
 */
export const quizQuestion = pgTable(
	'quiz_question',
	{
		id: text('id').primaryKey(),
		lessonId: text('lesson_id')
			.notNull()
			.references(() => courseLesson.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind').$type<QuestionKind>().notNull(),
		prompt: text('prompt').notNull(),
		feedback: text('feedback').notNull().default(''),
		choices: jsonb('choices').$type<Choice[]>().notNull().default([]),
		answers: text('answers').array().notNull().default([]),
		answerTrue: boolean('answer_true')
	},
	(t) => [index('quiz_question_lesson_idx').on(t.lessonId, t.position)]
);

/** Files a course's lessons show or offer (images, sounds, documents), through the storage. */
export const courseMedia = pgTable(
	'course_media',
	{
		id: text('id').primaryKey(),
		courseId: text('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		name: text('name').notNull(),
		type: text('type').notNull(),
		bytes: integer('bytes').notNull(),
		storageKey: text('storage_key').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('course_media_course_idx').on(t.courseId)]
);

export const enrolment = pgTable(
	'course_enrolment',
	{
		courseId: text('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
		completedAt: timestamp('completed_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.courseId, t.userId] }),
		index('course_enrolment_user_idx').on(t.userId)
	]
);

/** Who a cohort course admits (its invitation link opened while signed in). */
export const courseCohort = pgTable(
	'course_cohort',
	{
		courseId: text('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.courseId, t.userId] })]
);

export const lessonProgress = pgTable(
	'lesson_progress',
	{
		lessonId: text('lesson_id')
			.notNull()
			.references(() => courseLesson.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		courseId: text('course_id')
			.notNull()
			.references(() => course.id, { onDelete: 'cascade' }),
		completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.lessonId, t.userId] }),
		index('lesson_progress_user_idx').on(t.userId, t.courseId)
	]
);

/**
 * A quiz attempt, scored on the server. `client_key` makes a resubmission (a queued offline
 * answer sent twice) the same attempt.
 */
export const quizAttempt = pgTable(
	'quiz_attempt',
	{
		id: text('id').primaryKey(),
		lessonId: text('lesson_id')
			.notNull()
			.references(() => courseLesson.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		clientKey: text('client_key').notNull(),
		answers: jsonb('answers').$type<Record<string, string[]>>().notNull(),
		correct: integer('correct').notNull(),
		total: integer('total').notNull(),
		score: integer('score').notNull(),
		passed: boolean('passed').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('quiz_attempt_client_key').on(t.userId, t.clientKey),
		index('quiz_attempt_lesson_idx').on(t.lessonId, t.userId)
	]
);

/**
 * A course's certificate (decision 0031): the signed Open Badges credential as issued, its place
 * in the revocation list (`status_index`), and whether it was revoked. Erasing the learner
 * withdraws it: the credential is deleted and its bit set.
 */
export const certificate = pgTable(
	'course_certificate',
	{
		id: text('id').primaryKey(),
		courseId: text('course_id').references(() => course.id, { onDelete: 'set null' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		statusIndex: serial('status_index').notNull().unique(),
		credential: jsonb('credential').$type<Record<string, unknown>>(),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		revokedReason: text('revoked_reason')
	},
	(t) => [unique('course_certificate_once').on(t.courseId, t.userId)]
);
