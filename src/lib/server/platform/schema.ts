import {
	bigserial,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp
} from 'drizzle-orm/pg-core';

/** Deployment settings (branding, languages) as one JSON document per key. */
export const setting = pgTable('setting', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** Every e-mail and SMS the platform sends, kept so administrators can see what left (and what failed). */
export const outbox = pgTable(
	'outbox',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject'),
		body: text('body').notNull(),
		/** logged (no server configured), queued, sent, failed (retried with back-off until it gives up). */
		status: text('status', { enum: ['logged', 'queued', 'sent', 'failed'] }).notNull(),
		error: text('error'),
		attempts: integer('attempts').notNull().default(0),
		/** Replies to inbound texts: the number is blanked once the message has left or given up. */
		forgetRecipient: boolean('forget_recipient').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('outbox_created_idx').on(t.createdAt)]
);

/** Fixed-window counters shared by every instance (keys are hashed, never raw addresses). */
export const rateLimit = pgTable('rate_limit', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull()
});

/** Who did what to whom: staff actions and access to personal data. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		actorId: text('actor_id'),
		/** Pseudonymous and stable: survives the actor's erasure, when actor_id is cleared. */
		actorKey: text('actor_key'),
		action: text('action').notNull(),
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id'),
		detail: jsonb('detail'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('audit_log_created_idx').on(t.createdAt),
		index('audit_log_actor_idx').on(t.actorId),
		index('audit_log_subject_idx').on(t.subjectId)
	]
);
