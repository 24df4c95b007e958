import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What "MORE" continues for a number that texted the services line: keyed by a keyed hash of the
 * number (never the number), kept for an hour, removed as soon as it expires.
 */
export const smsConversation = pgTable('sms_conversation', {
	key: text('key').primaryKey(),
	locale: text('locale').notNull(),
	/** Services still to send, nearest first. */
	remaining: jsonb('remaining').$type<string[]>().notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
});
