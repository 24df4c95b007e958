import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { memberBlock } from './block-schema.ts';

/**
 * A member blocks another: no messages either way (messages/policy.ts), and each no longer finds
 * or opens the other's profile. The blocked member is not told; to them the blocker is simply not
 * there. Blocking someone already blocked, or who does not exist, changes nothing and says so the
 * same way, so the answer reveals no account.
 */
export async function blockMember(db: Db, actor: Actor, targetId: string): Promise<Result> {
	if (!actor) return failure('forbidden');
	if (!targetId || targetId.length > 64 || targetId === actor.id) return failure('invalid');
	await db.transaction(async (tx) => {
		const [target] = await tx.select({ id: user.id }).from(user).where(eq(user.id, targetId));
		if (!target) return;
		const added = await tx
			.insert(memberBlock)
			.values({ blockerId: actor.id, blockedId: targetId })
			.onConflictDoNothing()
			.returning({ id: memberBlock.blockedId });
		if (added.length)
			await writeAudit(tx, {
				actorId: actor.id,
				action: 'member.block',
				subjectType: 'user',
				subjectId: targetId
			});
	});
	return ok();
}

export async function unblockMember(db: Db, actor: Actor, targetId: string): Promise<Result> {
	if (!actor) return failure('forbidden');
	await db.transaction(async (tx) => {
		const gone = await tx
			.delete(memberBlock)
			.where(and(eq(memberBlock.blockerId, actor.id), eq(memberBlock.blockedId, targetId)))
			.returning({ id: memberBlock.blockedId });
		if (gone.length)
			await writeAudit(tx, {
				actorId: actor.id,
				action: 'member.unblock',
				subjectType: 'user',
				subjectId: targetId
			});
	});
	return ok();
}

/** Whether either of two members has blocked the other. */
export async function blockedBetween(db: Db | Tx, a: string, b: string) {
	const [row] = await db
		.select({ id: memberBlock.blockerId })
		.from(memberBlock)
		.where(
			or(
				and(eq(memberBlock.blockerId, a), eq(memberBlock.blockedId, b)),
				and(eq(memberBlock.blockerId, b), eq(memberBlock.blockedId, a))
			)
		)
		.limit(1);
	return Boolean(row);
}

/** Everyone hidden from a member: those they blocked and those who blocked them. */
export async function hiddenFrom(db: Db | Tx, userId: string): Promise<Set<string>> {
	const rows = await db
		.select({ blocker: memberBlock.blockerId, blocked: memberBlock.blockedId })
		.from(memberBlock)
		.where(or(eq(memberBlock.blockerId, userId), eq(memberBlock.blockedId, userId)));
	return new Set(rows.map((r) => (r.blocker === userId ? r.blocked : r.blocker)));
}

/** The members a member blocked, newest first, with their names, for the account page. */
export async function blockedByMe(db: Db, userId: string) {
	return db
		.select({ id: user.id, name: user.name, since: memberBlock.createdAt })
		.from(memberBlock)
		.innerJoin(user, eq(user.id, memberBlock.blockedId))
		.where(eq(memberBlock.blockerId, userId))
		.orderBy(memberBlock.createdAt);
}
