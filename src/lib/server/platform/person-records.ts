import { eq, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { auditLog, outbox } from './schema.ts';

/** Messages the platform sent (or is sending) to these contacts, for the person's data export. */
export async function messagesTo(db: Db, contacts: string[]) {
	if (!contacts.length) return [];
	return db
		.select({
			channel: outbox.channel,
			subject: outbox.subject,
			status: outbox.status,
			createdAt: outbox.createdAt
		})
		.from(outbox)
		.where(or(...contacts.map((c) => eq(outbox.recipient, c))));
}

/** On erasure, the messages kept for the person's contacts go. */
export async function forgetMessagesTo(tx: Tx, contacts: string[]) {
	if (contacts.length)
		await tx.delete(outbox).where(or(...contacts.map((c) => eq(outbox.recipient, c))));
}

/** What the audit log recorded that the person did, or that was done to their account. */
export async function recordedActionsOf(db: Db, userId: string) {
	return db
		.select({
			action: auditLog.action,
			subjectType: auditLog.subjectType,
			createdAt: auditLog.createdAt
		})
		.from(auditLog)
		.where(or(eq(auditLog.actorId, userId), eq(auditLog.subjectId, userId)));
}
