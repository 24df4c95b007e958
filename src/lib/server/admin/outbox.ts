import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../platform/schema.ts';
import { can, type Actor } from '../accounts/policy.ts';
import { writeAudit } from '../platform/audit.ts';

/** The latest messages; reading them is staff access to personal data and is audited. */
export async function readOutbox(db: Db, actor: Actor, limit = 50) {
	if (!can(actor, 'admin.read-outbox')) return null;
	const rows = await db
		.select({
			id: outbox.id,
			channel: outbox.channel,
			recipient: outbox.recipient,
			subject: outbox.subject,
			body: outbox.body,
			status: outbox.status,
			attempts: outbox.attempts,
			error: outbox.error,
			createdAt: outbox.createdAt
		})
		.from(outbox)
		.orderBy(desc(outbox.id))
		.limit(limit);
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'outbox.read',
		subjectType: 'outbox',
		detail: { count: rows.length }
	});
	return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
