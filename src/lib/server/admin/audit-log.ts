import { and, count, desc, eq, inArray, isNull, not, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { can, type Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { auditLog } from '../platform/schema.ts';

export const AUDIT_PAGE_SIZE = 50;

/** What an entry records, as "key: value" pairs (identifiers and counts only, never texts). */
function detailText(detail: unknown): string | null {
	if (detail == null) return null;
	if (typeof detail !== 'object' || Array.isArray(detail)) return JSON.stringify(detail);
	return Object.entries(detail as Record<string, unknown>)
		.filter(([, v]) => v !== null && v !== undefined && v !== '')
		.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
		.join(' · ');
}

/** Entries that only record someone reading: an administrator may hide their own. */
export const READING_ACTIONS = [
	'audit.read',
	'people.list',
	'outbox.read',
	'referral.view',
	'referral.list',
	'referral.export'
];

/**
 * The audit log for administrators, newest first, optionally for one kind of subject. Reading it
 * shows who did what to whom, so the reading is itself recorded. Erased actors appear under their
 * pseudonymous key.
 */
export async function readAuditLog(
	db: Db,
	actor: Actor,
	query: { subjectType?: string; page: number; hideOwnReads?: boolean }
) {
	if (!actor || !can(actor, 'admin.read-audit')) return null;
	const where = and(
		query.subjectType ? eq(auditLog.subjectType, query.subjectType) : undefined,
		query.hideOwnReads
			? or(
					isNull(auditLog.actorId),
					not(eq(auditLog.actorId, actor.id)),
					not(inArray(auditLog.action, READING_ACTIONS))
				)
			: undefined
	);
	const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
	const rows = await db
		.select({
			id: auditLog.id,
			actorName: user.name,
			actorKey: auditLog.actorKey,
			action: auditLog.action,
			subjectType: auditLog.subjectType,
			subjectId: auditLog.subjectId,
			detail: auditLog.detail,
			createdAt: auditLog.createdAt
		})
		.from(auditLog)
		.leftJoin(user, eq(user.id, auditLog.actorId))
		.where(where)
		.orderBy(desc(auditLog.id))
		.limit(AUDIT_PAGE_SIZE)
		.offset((query.page - 1) * AUDIT_PAGE_SIZE);
	const types = await db
		.selectDistinct({ type: auditLog.subjectType })
		.from(auditLog)
		.orderBy(auditLog.subjectType);
	await writeAudit(db, {
		actorId: actor.id,
		action: 'audit.read',
		subjectType: 'audit_log',
		detail: { subjectType: query.subjectType ?? null, page: query.page }
	});
	return {
		total,
		perPage: AUDIT_PAGE_SIZE,
		subjectTypes: types.map((t) => t.type),
		rows: rows.map((r) => ({
			id: r.id,
			actorName: r.actorName,
			actorKey: r.actorKey,
			action: r.action,
			subjectType: r.subjectType,
			subjectId: r.subjectId,
			detail: detailText(r.detail),
			createdAt: r.createdAt.toISOString()
		}))
	};
}
