import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';
import { organisation } from '../members/schema.ts';

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
