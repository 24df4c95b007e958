import { and, desc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { APPEALABLE, decisionForm } from '#lib/moderation/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Notice, Notifier } from '../notifications/notifier.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { canModerate } from './policy.ts';
import {
	accountSuspension,
	moderationCase,
	moderationDecision,
	moderationHold,
	moderationReport
} from './schema.ts';

export type ModerationDeps = { db: Db; notifier: Notifier };

/** Those whose reports this decision answers: reports since the case's previous decision. */
async function reportersToTell(tx: Tx, caseId: string) {
	const [last] = await tx
		.select({ at: moderationDecision.createdAt })
		.from(moderationDecision)
		.where(eq(moderationDecision.caseId, caseId))
		.orderBy(desc(moderationDecision.id))
		.limit(1);
	const rows = await tx
		.select({ id: moderationReport.reporterId })
		.from(moderationReport)
		.where(
			and(
				eq(moderationReport.caseId, caseId),
				isNotNull(moderationReport.reporterId),
				last ? gt(moderationReport.createdAt, last.at) : undefined
			)
		);
	return rows.map((r) => r.id!);
}

/**
 * A moderator decides a case: hide the content (or restore it), warn the author, suspend their
 * account for some days (the content is hidden too), or take no action. The author reads the
 * ground and the statement of reasons on their account and may appeal once; the reporters are
 * told their report was reviewed; the audit log keeps who decided what.
 */
export async function decideCase(
	deps: ModerationDeps,
	actor: Actor,
	caseId: string,
	raw: unknown,
	now = new Date(),
	/** The communities the actor moderates (communities/access.ts), for their part of the queue. */
	scopes: string[] = []
): Promise<Result<{ decisionId: number }>> {
	const parsed = decisionForm.safeParse(raw);
	const { db } = deps;
	const [found] = await db.select().from(moderationCase).where(eq(moderationCase.id, caseId));
	const tie = {
		ownContent: found?.authorId === actor?.id,
		madeDecision: false,
		scopeModerator: !!found?.scope && scopes.includes(found.scope)
	};
	if (!found || !canModerate(actor, 'queue.read', tie)) return failure('not_found');
	if (!canModerate(actor, 'case.decide', tie))
		return failure('forbidden', { form: 'error_decision_own' });
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const d = parsed.data;
	if (d.action === 'suspend' && !canModerate(actor, 'account.suspend', tie))
		return failure('forbidden', { action: 'error_decision_suspend_platform' });
	const [hold] = await db
		.select({ decisionId: moderationHold.decisionId })
		.from(moderationHold)
		.where(and(eq(moderationHold.kind, found.kind), eq(moderationHold.subjectId, found.subjectId)));
	const held = !!hold;
	// Content waiting for review (held without a decision) can be refused: hidden with reasons.
	const waiting = held && hold.decisionId === null;
	if (d.action === 'hide' && held && !waiting)
		return failure('conflict', { action: 'error_decision_hidden' });
	if (d.action === 'restore' && !held)
		return failure('conflict', { action: 'error_decision_not_hidden' });
	if (d.action === 'suspend' && !found.authorId)
		return failure('invalid', { action: 'error_decision_no_author' });
	const until = d.action === 'suspend' ? new Date(now.getTime() + d.days * 86_400_000) : null;
	const decisionId = await db.transaction(async (tx) => {
		const reporters = await reportersToTell(tx, caseId);
		const [row] = await tx
			.insert(moderationDecision)
			.values({
				caseId,
				moderatorId: actor!.id,
				action: d.action,
				ground: d.ground,
				statement: d.statement,
				suspendUntil: until,
				createdAt: now
			})
			.returning({ id: moderationDecision.id });
		if (d.action === 'hide' || (d.action === 'suspend' && (!held || waiting)))
			await tx
				.insert(moderationHold)
				.values({ kind: found.kind, subjectId: found.subjectId, decisionId: row.id })
				.onConflictDoUpdate({
					target: [moderationHold.kind, moderationHold.subjectId],
					set: { decisionId: row.id }
				});
		if (d.action === 'restore')
			await tx
				.delete(moderationHold)
				.where(
					and(eq(moderationHold.kind, found.kind), eq(moderationHold.subjectId, found.subjectId))
				);
		if (until)
			await tx
				.insert(accountSuspension)
				.values({ userId: found.authorId!, until, decisionId: row.id })
				.onConflictDoUpdate({
					target: accountSuspension.userId,
					set: {
						// A longer suspension already running is not shortened.
						until: sql`greatest(${accountSuspension.until}, excluded.until)`,
						decisionId: row.id
					}
				});
		await tx
			.update(moderationCase)
			.set({ status: 'decided', updatedAt: now })
			.where(eq(moderationCase.id, caseId));
		const notices: Notice[] = reporters
			.filter((id) => id !== found.authorId)
			.map((userId) => ({
				userId,
				kind: 'moderation_report_reviewed',
				link: '/account/moderation'
			}));
		if (found.authorId && (APPEALABLE.includes(d.action) || d.action === 'restore'))
			notices.push({
				userId: found.authorId,
				kind: 'moderation_decision',
				link: `/account/moderation#d${row.id}`
			});
		await deps.notifier.notify(tx, notices);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'moderation.decide',
			subjectType: 'moderation_case',
			subjectId: caseId,
			detail: { kind: found.kind, action: d.action, ground: d.ground, days: d.days || null }
		});
		return row.id;
	});
	return ok({ decisionId });
}
