import {
	boolean,
	index,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type {
	ApplicationStatus,
	DeclineReason,
	OpportunityType,
	WorkPlace
} from '#lib/opportunities/forms.ts';
import type { LanguageLevel } from '#lib/skills/forms.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { tsvector } from '../db/types.ts';

/**
 * An opportunity a member or an organisation posts (docs/decisions/0036): what it is, where
 * (`countries`, empty for anywhere; `workplace`), for whom (`origins`: a diaspora's countries of
 * origin), the ESCO skills it asks (`required` essential, `optional`), languages with a level,
 * a deadline (the last day to apply, in UTC) and an optional pay. New posts wait for a moderator
 * (moderation holds them). `status` is `open` until the deadline passes (the hourly job closes it
 * and tells the poster) or the poster closes it.
 */
export const opportunity = pgTable(
	'opportunity',
	{
		id: text('id').primaryKey(),
		type: text('type').$type<OpportunityType>().notNull(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		language: text('language').notNull(),
		workplace: text('workplace').$type<WorkPlace>().notNull(),
		countries: text('countries').array().notNull(),
		origins: text('origins').array().notNull(),
		required: text('required').array().notNull(),
		optional: text('optional').array().notNull(),
		languages: jsonb('languages').$type<{ code: string; level: LanguageLevel }[]>().notNull(),
		deadline: timestamp('deadline', { withTimezone: true }).notNull(),
		pay: text('pay'),
		status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		posterId: text('poster_id').references(() => user.id, { onDelete: 'set null' }),
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'cascade'
		}),
		search: tsvector('search').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		demo: boolean('demo').notNull().default(false)
	},
	(t) => [
		index('opportunity_search_idx').using('gin', t.search),
		index('opportunity_required_idx').using('gin', t.required),
		index('opportunity_open_idx').on(t.status, t.deadline),
		index('opportunity_recent_idx').on(t.createdAt),
		index('opportunity_poster_idx').on(t.posterId),
		index('opportunity_organisation_idx').on(t.organisationId)
	]
);

/**
 * A member's application, or expression of interest, to one opportunity: their message, whether
 * the poster may read their skills profile, and where the poster has moved them.
 */
export const opportunityApplication = pgTable(
	'opportunity_application',
	{
		id: text('id').primaryKey(),
		opportunityId: text('opportunity_id')
			.notNull()
			.references(() => opportunity.id, { onDelete: 'cascade' }),
		applicantId: text('applicant_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<'apply' | 'interest'>().notNull(),
		message: text('message').notNull(),
		shareProfile: boolean('share_profile').notNull(),
		status: text('status').$type<ApplicationStatus>().notNull().default('new'),
		declineReason: text('decline_reason').$type<DeclineReason>(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('opportunity_application_once').on(t.opportunityId, t.applicantId),
		index('opportunity_application_applicant_idx').on(t.applicantId)
	]
);

/** Messages between an applicant and the poster's side, about one application. */
export const applicationMessage = pgTable(
	'application_message',
	{
		id: serial('id').primaryKey(),
		applicationId: text('application_id')
			.notNull()
			.references(() => opportunityApplication.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('application_message_application_idx').on(t.applicationId, t.id)]
);
