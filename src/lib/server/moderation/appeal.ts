import { and, eq, isNull } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { APPEALABLE, appealDecisionForm, appealForm } from '#lib/moderation/forms.ts';
import type { Actor } from '../accounts/policy.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { ModerationDeps } from './decide.ts';
import { canAppeal, canModerate } from './policy.ts';
import {
	accountSuspension,
	moderationAppeal,
	moderationCase,
	moderationDecision,
	moderationHold
} from './schema.ts';

async function decisionWithCase(deps: ModerationDeps, decisionId: number) {
	const [row] = await deps.db
		.select({ decision: moderationDecision, case: moderationCase })
		.from(moderationDecision)
		.innerJoin(moderationCase, eq(moderationCase.id, moderationDecision.caseId))
		.where(eq(moderationDecision.id, decisionId));
	return row ?? null;
}

/**
 * The author appeals a decision about their content, once, in their own words; the case goes
 * back to the queue among the appeals, for another moderator.
 */
export async function appealDecision(
	deps: ModerationDeps,
	actor: Actor,
	decisionId: number,
	raw: unknown,
	now = new Date()
): Promise<Result> {
	const found = await decisionWithCase(deps, decisionId);
	// Someone else's decision answers as a missing one.
	if (!found || !actor || found.case.authorId !== actor.id) return failure('not_found');
	const [already] = await deps.db
		.select({ id: moderationAppeal.decisionId })
		.from(moderationAppeal)
		.where(eq(moderationAppeal.decisionId, decisionId));
	const tie = {
		author: true,
		appealable: APPEALABLE.includes(found.decision.action),
		appealed: !!already,
		decidedAt: found.decision.createdAt
	};
	if (!canAppeal(actor, tie, now))
		return failure('conflict', { form: already ? 'error_appeal_once' : 'error_appeal_closed' });
	const parsed = appealForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	return deps.db.transaction(async (tx): Promise<Result> => {
		const added = await tx
			.insert(moderationAppeal)
			.values({ decisionId, authorId: actor.id, text: parsed.data.text, createdAt: now })
			.onConflictDoNothing()
			.returning({ id: moderationAppeal.decisionId });
		if (!added.length) return failure('conflict', { form: 'error_appeal_once' });
		await tx
			.update(moderationCase)
			.set({ status: 'appealed', updatedAt: now })
			.where(eq(moderationCase.id, found.case.id));
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'moderation.appeal',
			subjectType: 'moderation_case',
			subjectId: found.case.id,
			detail: { decision: decisionId }
		});
		return ok();
	});
}

/**
 * A second moderator answers an appeal: the decision is upheld, or reversed (hidden content comes
 * back, a suspension it imposed ends). The author reads the answer and its reasons.
 */
export async function decideAppeal(
	deps: ModerationDeps,
	actor: Actor,
	decisionId: number,
	raw: unknown,
	now = new Date(),
	scopes: string[] = []
): Promise<Result> {
	const found = await decisionWithCase(deps, decisionId);
	const tie = {
		ownContent: found?.case.authorId === actor?.id,
		madeDecision: found?.decision.moderatorId === actor?.id,
		scopeModerator: !!found?.case.scope && scopes.includes(found.case.scope)
	};
	if (!found || !canModerate(actor, 'queue.read', tie)) return failure('not_found');
	if (!canModerate(actor, 'appeal.decide', tie))
		return failure('forbidden', {
			form: tie.ownContent ? 'error_decision_own' : 'error_appeal_same_moderator'
		});
	const parsed = appealDecisionForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const { outcome, statement } = parsed.data;
	return deps.db.transaction(async (tx): Promise<Result> => {
		const answered = await tx
			.update(moderationAppeal)
			.set({ outcome, statement, decidedBy: actor!.id, decidedAt: now })
			.where(and(eq(moderationAppeal.decisionId, decisionId), isNull(moderationAppeal.outcome)))
			.returning({ id: moderationAppeal.decisionId });
		if (!answered.length) return failure('conflict', { form: 'error_appeal_answered' });
		if (outcome === 'reversed') {
			await tx.delete(moderationHold).where(eq(moderationHold.decisionId, decisionId));
			await tx.delete(accountSuspension).where(eq(accountSuspension.decisionId, decisionId));
		}
		await tx
			.update(moderationCase)
			.set({ status: 'decided', updatedAt: now })
			.where(eq(moderationCase.id, found.case.id));
		if (found.case.authorId)
			await deps.notifier.notify(tx, [
				{
					userId: found.case.authorId,
					kind: 'moderation_appeal_decided',
					link: `/account/moderation#d${decisionId}`
				}
			]);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'moderation.appeal-decide',
			subjectType: 'moderation_case',
			subjectId: found.case.id,
			detail: { decision: decisionId, outcome }
		});
		return ok();
	});
}
