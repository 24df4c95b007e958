import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';
import { tsvector } from '../db/types.ts';
import type { StoredImage } from '../members/schema.ts';

export { ORGANISATION_KINDS, type OrganisationKind } from '#lib/members/organisation-kinds.ts';

export const organisation = pgTable(
	'organisation',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		kind: text('kind').notNull(),
		description: text('description').notNull().default(''),
		contentLocale: text('content_locale').notNull().default('en'),
		countryCode: text('country_code'),
		countries: text('countries')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		sectors: text('sectors')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		website: text('website'),
		logo: jsonb('logo').$type<StoredImage | null>(),
		/** pending until an administrator approves it; only approved organisations are shown. */
		status: text('status')
			.$type<'pending' | 'approved' | 'rejected'>()
			.notNull()
			.default('approved'),
		/** Why an administrator did not approve it: shown to its admins (required to reject). */
		reviewNote: text('review_note'),
		/** Example content (with its services and places): marked everywhere, removable in one go. */
		demo: boolean('demo').notNull().default(false),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		nameKey: text('name_key').notNull().default(''),
		search: tsvector('search'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('organisation_name_idx').on(t.name),
		index('organisation_status_idx').on(t.status),
		index('organisation_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
		index('organisation_search_idx').using('gin', t.search),
		index('organisation_demo_idx')
			.on(t.demo)
			.where(sql`demo`)
	]
);

/** Membership: `requested` (the person asked), `invited` (an admin asked), `active`. */
export const organisationMember = pgTable(
	'organisation_member',
	{
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role').$type<'admin' | 'member'>().notNull().default('member'),
		status: text('status').$type<'active' | 'requested' | 'invited'>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.userId] }),
		index('organisation_member_user_idx').on(t.userId)
	]
);

/**
 * An invitation to join an organisation, addressed to a contact (e-mail or E.164 phone), whether
 * or not an account uses it: the inviting admin learns nothing about accounts
 * (docs/decisions/0010). Only the token's hash is kept; membership starts when the invitee accepts.
 */
export const organisationInvitation = pgTable(
	'organisation_invitation',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		/** What the admin typed, normalised: a lower-case address or an E.164 number. */
		contact: text('contact').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		status: text('status')
			.$type<'pending' | 'accepted' | 'declined'>()
			.notNull()
			.default('pending'),
		answeredBy: text('answered_by').references(() => user.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		answeredAt: timestamp('answered_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('organisation_invitation_org_contact_idx').on(t.organisationId, t.contact),
		index('organisation_invitation_contact_idx').on(t.contact)
	]
);
