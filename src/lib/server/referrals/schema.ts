import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';

export const REFERRAL_STATUSES = [
	'sent',
	'accepted',
	'declined',
	'in_progress',
	'completed',
	'closed'
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What the person agreed to share, with whom and why; recorded before anything is sent. */
export type ReferralConsent = {
	shared: string[];
	purpose: string;
	recipientOrganisationId: string;
	method: 'verbal' | 'written' | 'digital';
	recordedAt: string;
	recordedBy: string;
};

export type PersonConfirmation = 'pending' | 'confirmed' | 'not_me';

/** Who is referred: a member's account, or a minimal record kept only for this referral. */
export type ReferralPerson = {
	name: string;
	phone?: string;
	email?: string;
	language?: string;
	notes?: string;
};

/**
 * A referral from a caseworker's organisation to a service of another organisation. Visible only to
 * staff of the two organisations and to the person (docs/decisions/0007); never searched or listed
 * publicly.
 */
export const referral = pgTable(
	'referral',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'restrict' }),
		fromOrganisationId: text('from_organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		toOrganisationId: text('to_organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		/** Set only when the person confirms the referral is theirs ("this is me"), never from a match. */
		personUserId: text('person_user_id').references(() => user.id, { onDelete: 'set null' }),
		/**
		 * The person's answer to "this is me / not me", asked through the contact they agreed to share:
		 * null when no contact was shared (nobody to ask).
		 */
		personConfirmation: text('person_confirmation').$type<PersonConfirmation>(),
		/** Hash of the token in the link sent to the contact; cleared once the person answers. */
		personTokenHash: text('person_token_hash').unique(),
		personAnsweredAt: timestamp('person_answered_at', { withTimezone: true }),
		/** Only the fields the person consented to share. */
		person: jsonb('person').$type<ReferralPerson>().notNull(),
		consent: jsonb('consent').$type<ReferralConsent>().notNull(),
		/** Service taxonomy term ids at the time of referral, for the dashboard. */
		termIds: text('term_ids').array().notNull(),
		status: text('status').$type<ReferralStatus>().notNull().default('sent'),
		reason: text('reason'),
		outcome: text('outcome'),
		feedback: text('feedback'),
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('referral_from_idx').on(t.fromOrganisationId, t.createdAt),
		index('referral_to_idx').on(t.toOrganisationId, t.createdAt),
		index('referral_person_idx').on(t.personUserId),
		index('referral_status_due_idx').on(t.status, t.dueAt)
	]
);

/** The referral's history: status changes and the message thread between the two organisations. */
export const referralEvent = pgTable(
	'referral_event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		referralId: text('referral_id')
			.notNull()
			.references(() => referral.id, { onDelete: 'cascade' }),
		actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
		kind: text('kind').$type<'status' | 'message'>().notNull(),
		status: text('status').$type<ReferralStatus>(),
		body: text('body'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('referral_event_referral_idx').on(t.referralId, t.createdAt)]
);
