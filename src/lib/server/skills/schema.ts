import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { LanguageLevel, SkillEntryKind } from '#lib/skills/forms.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';

/**
 * One entry of a member's skills profile (docs/decisions/0035): an ESCO occupation or skill
 * (`esco_uri`), a qualification or a work experience (`title`, `place`: the school, awarding body
 * or employer; `country`; `started`/`ended` as YYYY-MM, `ended` empty while it goes on), or a
 * language (`language`, `level`: CEFR or native). Deleted with the person.
 */
export const skillEntry = pgTable(
	'skill_entry',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<SkillEntryKind>().notNull(),
		escoUri: text('esco_uri'),
		title: text('title'),
		place: text('place'),
		country: text('country'),
		started: text('started'),
		ended: text('ended'),
		language: text('language'),
		level: text('level').$type<LanguageLevel>(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('skill_entry_user_idx').on(t.userId, t.kind),
		index('skill_entry_concept_idx').on(t.escoUri)
	]
);

/**
 * A person's consent that the staff of one organisation fill their skills profile with them (an
 * adviser in an interview), for a few hours from `granted_at`; withdrawn at any time. Kept as the
 * record of that consent; what the staff added is in the audit trail.
 */
export const skillsConsent = pgTable(
	'skills_consent',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true })
	},
	(t) => [
		index('skills_consent_user_idx').on(t.userId),
		index('skills_consent_organisation_idx').on(t.organisationId, t.expiresAt)
	]
);
