import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import {
	accountSuspension,
	moderationAppeal,
	moderationCase,
	moderationDecision,
	moderationReport
} from './schema.ts';

/**
 * For a person's download: the reports they sent, the decisions about their content with the
 * reasons, their appeals, and a suspension. Who reported them is not theirs to know.
 */
export async function moderationOfPerson(db: Db, userId: string) {
	const [reports, decisions, suspension] = await Promise.all([
		db
			.select({
				kind: moderationCase.kind,
				reason: moderationReport.reason,
				note: moderationReport.note,
				at: moderationReport.createdAt
			})
			.from(moderationReport)
			.innerJoin(moderationCase, eq(moderationCase.id, moderationReport.caseId))
			.where(eq(moderationReport.reporterId, userId)),
		db
			.select({
				kind: moderationCase.kind,
				excerpt: moderationCase.excerpt,
				action: moderationDecision.action,
				ground: moderationDecision.ground,
				statement: moderationDecision.statement,
				suspendUntil: moderationDecision.suspendUntil,
				at: moderationDecision.createdAt,
				appeal: moderationAppeal.text,
				appealOutcome: moderationAppeal.outcome,
				appealStatement: moderationAppeal.statement
			})
			.from(moderationDecision)
			.innerJoin(moderationCase, eq(moderationCase.id, moderationDecision.caseId))
			.leftJoin(moderationAppeal, eq(moderationAppeal.decisionId, moderationDecision.id))
			.where(eq(moderationCase.authorId, userId)),
		db
			.select({ until: accountSuspension.until })
			.from(accountSuspension)
			.where(eq(accountSuspension.userId, userId))
	]);
	return { reports, decisions, suspendedUntil: suspension[0]?.until ?? null };
}

/**
 * Erasure: what the person wrote leaves the cases (the excerpt of their content, their appeals'
 * words); the decisions stay as the record of what moderators did, unsigned (foreign keys set the
 * ids to null when the account row goes).
 */
export async function eraseModerationOf(tx: Tx, userId: string) {
	await tx.update(moderationCase).set({ excerpt: '' }).where(eq(moderationCase.authorId, userId));
	await tx.update(moderationAppeal).set({ text: '' }).where(eq(moderationAppeal.authorId, userId));
}
