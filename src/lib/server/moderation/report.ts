import { randomUUID } from 'node:crypto';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { eq, sql } from 'drizzle-orm';
import { reportForm, type ReportReason } from '#lib/moderation/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { moderationCase, moderationHold, moderationReport } from './schema.ts';
import type { Subject } from './subject.ts';

export type { Subject } from './subject.ts';

export const EXCERPT = 2000;

/** The case of a subject, opened on its first report or flag; the excerpt follows the content. */
async function caseFor(tx: Tx, subject: Subject, terms: string[] = []) {
	const [row] = await tx
		.insert(moderationCase)
		.values({
			id: randomUUID(),
			kind: subject.kind,
			subjectId: subject.id,
			authorId: subject.authorId,
			excerpt: subject.excerpt.slice(0, EXCERPT),
			path: subject.path,
			scope: subject.scope ?? null,
			flaggedTerms: terms
		})
		.onConflictDoUpdate({
			target: [moderationCase.kind, moderationCase.subjectId],
			set: {
				excerpt: subject.excerpt.slice(0, EXCERPT),
				flaggedTerms: terms.length
					? sql`array(select distinct unnest(${moderationCase.flaggedTerms} || excluded.flagged_terms))`
					: moderationCase.flaggedTerms
			}
		})
		.returning({ id: moderationCase.id });
	return row.id;
}

/** A new report counts once per reporter, and brings a decided case back to the queue. */
async function addReport(
	tx: Tx,
	caseId: string,
	reporterId: string | null,
	reason: ReportReason,
	note: string
) {
	const added = await tx
		.insert(moderationReport)
		.values({ caseId, reporterId, reason, note })
		.onConflictDoNothing()
		.returning({ id: moderationReport.id });
	if (!added.length) return false;
	await tx
		.update(moderationCase)
		.set({
			reportCount: sql`${moderationCase.reportCount} + 1`,
			updatedAt: new Date(),
			status: sql`case when ${moderationCase.status} = 'decided' then 'open' else ${moderationCase.status} end`
		})
		.where(eq(moderationCase.id, caseId));
	return true;
}

/**
 * A member reports a piece of content they can see, with a reason and an optional note (the
 * owning module checked that they can see it and built the subject). Reporting the same thing
 * twice changes nothing and answers the same; one's own content cannot be reported.
 */
export async function fileReport(
	db: Db,
	actor: Actor,
	subject: Subject,
	raw: unknown
): Promise<Result<{ caseId: string }>> {
	if (!actor) return failure('forbidden');
	if (subject.authorId === actor.id) return failure('invalid', { form: 'error_report_own' });
	const parsed = reportForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	if (!(await hitRateLimit(db, RULES.reportsByAccount, actor.id)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const caseId = await db.transaction(async (tx) => {
		const id = await caseFor(tx, subject);
		const added = await addReport(tx, id, actor.id, parsed.data.reason, parsed.data.note);
		if (added)
			await writeAudit(tx, {
				actorId: actor.id,
				action: 'moderation.report',
				subjectType: 'moderation_case',
				subjectId: id,
				detail: { kind: subject.kind, reason: parsed.data.reason }
			});
		return id;
	});
	return ok({ caseId });
}

/**
 * Lexicon matches found when content is saved (lexicon.ts): never removed, put before moderators
 * with the matched terms, inside the transaction that saved the content.
 */
export async function flagSubject(tx: Tx, subject: Subject, terms: string[]) {
	if (!terms.length) return;
	const id = await caseFor(tx, subject, terms);
	// Each save with matches is one more flag (reporter null), and brings a decided case back.
	await addReport(tx, id, null, 'hate', '');
}

/**
 * What the operator's text classifier scored above its threshold (screening.ts): one more flag,
 * with the label and score moderators read next to the text.
 */
export async function flagByClassifier(
	tx: Tx,
	subject: Subject,
	score: { label: string; score: number }
) {
	const id = await caseFor(tx, subject);
	await tx
		.update(moderationCase)
		.set({ classifierLabel: score.label, classifierScore: score.score })
		.where(eq(moderationCase.id, id));
	await addReport(tx, id, null, 'hate', 'classifier');
}

/**
 * Content that waits for a moderator before anyone sees it (a new member's story, when the
 * platform asks for it): hidden from the start, with a case in the queue; restoring it publishes
 * it, and its author is told either way.
 */
export async function holdForReview(
	tx: Tx,
	subject: Subject,
	why: 'review_new_member' | 'review_contribution' | 'review_post' = 'review_new_member'
) {
	const id = await caseFor(tx, subject);
	await addReport(tx, id, null, 'other', why);
	await tx
		.insert(moderationHold)
		.values({ kind: subject.kind, subjectId: subject.id })
		.onConflictDoNothing();
}
