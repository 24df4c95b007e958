import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/types.ts';
import { auditLog } from './schema.ts';

export type AuditEntry = {
	/** Who acted; null for the platform itself (jobs, start-up). */
	actorId: string | null;
	action: string;
	subjectType: string;
	subjectId?: string | null;
	/** Identifiers and counts only: never names, contacts or message texts. */
	detail?: Record<string, unknown> | null;
};

/**
 * A stable pseudonym for a person in the audit log. It stays on every row after the person is
 * erased (when their id is removed), so what one account did can still be read together, without
 * saying who it was.
 */
export function actorKey(userId: string) {
	return (
		'p_' +
		createHash('sha256').update(`passerelle-audit:${userId}`).digest('base64url').slice(0, 16)
	);
}

/** The only way into the audit log. */
export async function writeAudit(tx: Tx, entry: AuditEntry) {
	await tx.insert(auditLog).values({
		actorId: entry.actorId,
		actorKey: entry.actorId ? actorKey(entry.actorId) : null,
		action: entry.action,
		subjectType: entry.subjectType,
		subjectId: entry.subjectId ?? null,
		detail: entry.detail ?? null
	});
}

/**
 * Erasure keeps the record of what was done and by whom, under the pseudonym: the person's id is
 * replaced by their key wherever it appears (actor, subject, details).
 */
export async function pseudonymiseAuditOf(tx: Tx, userId: string) {
	const key = actorKey(userId);
	await tx
		.update(auditLog)
		.set({ actorId: null, actorKey: key })
		.where(eq(auditLog.actorId, userId));
	await tx.update(auditLog).set({ subjectId: key }).where(eq(auditLog.subjectId, userId));
	await tx.execute(sql`
		update audit_log set detail = replace(detail::text, ${JSON.stringify(userId)}, ${JSON.stringify(key)})::jsonb
		where detail is not null and strpos(detail::text, ${JSON.stringify(userId)}) > 0`);
}
