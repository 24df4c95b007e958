import { and, eq, lte } from 'drizzle-orm';
import type { Actor } from '../accounts/policy.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { opportunityPath, type OpportunityDeps } from './post.ts';
import { opportunityAccess } from './read.ts';
import { opportunity } from './schema.ts';

/**
 * Posts close by themselves once their last day is over: the hourly job marks them closed and
 * tells each poster once (a run that finds nothing due does nothing). Lists and the API already
 * leave out a post past its deadline before the job runs.
 */
export async function closeDueOpportunities(deps: OpportunityDeps, now = new Date()) {
	return deps.db.transaction(async (tx) => {
		const closed = await tx
			.update(opportunity)
			.set({ status: 'closed', closedAt: now })
			.where(and(eq(opportunity.status, 'open'), lte(opportunity.deadline, now)))
			.returning({ id: opportunity.id, posterId: opportunity.posterId, title: opportunity.title });
		await deps.notifier.notify(
			tx,
			closed.flatMap((o) =>
				o.posterId
					? [
							{
								userId: o.posterId,
								kind: 'opportunity_closed' as const,
								link: `${opportunityPath(o.id)}/applications`,
								detail: { title: o.title }
							}
						]
					: []
			)
		);
		return closed.length;
	});
}

/** The poster's side closes a post before its deadline (filled, or no longer offered). */
export async function closeOpportunity(
	deps: OpportunityDeps,
	actor: Actor,
	id: string,
	now = new Date()
): Promise<Result> {
	const access = await opportunityAccess(deps.db, actor, id, 'close', now);
	if (!access || !actor) return failure('not_found');
	if (!access.tie.open) return ok();
	await deps.db.transaction(async (tx) => {
		await tx
			.update(opportunity)
			.set({ status: 'closed', closedAt: now })
			.where(eq(opportunity.id, id));
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'opportunity.close',
			subjectType: 'opportunity',
			subjectId: id,
			detail: {}
		});
	});
	return ok();
}
