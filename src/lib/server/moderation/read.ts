import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { APPEALABLE } from '#lib/moderation/forms.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { actorKey, writeAudit } from '../platform/audit.ts';
import { canAppeal, canModerate, isPlatformModerator } from './policy.ts';

const NOT_OWN_SCOPED = { ownContent: false, madeDecision: false, scopeModerator: true };
import { suspendedUntil } from './suspension.ts';
import {
	moderationAppeal,
	moderationCase,
	moderationDecision,
	moderationHold,
	moderationReport
} from './schema.ts';

export const QUEUE_VIEWS = ['open', 'appealed', 'decided'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_PAGE = 30;

/**
 * The one moderation queue: every kind of content, reports and lexicon flags together. Open cases
 * and appeals oldest first (who waited longest comes first); decided ones newest first.
 */
export async function moderationQueue(
	db: Db,
	actor: Actor,
	view: QueueView,
	page = 1,
	/** The communities a community moderator moderates: their part of the queue. */
	scopes: string[] = []
) {
	const platform = isPlatformModerator(actor);
	if (!platform && !(scopes.length && canModerate(actor, 'queue.read', NOT_OWN_SCOPED)))
		return null;
	const inScope = platform ? undefined : inArray(moderationCase.scope, scopes);
	const rows = await db
		.select({
			id: moderationCase.id,
			kind: moderationCase.kind,
			excerpt: sql<string>`left(${moderationCase.excerpt}, 240)`,
			reportCount: moderationCase.reportCount,
			flaggedTerms: moderationCase.flaggedTerms,
			classifierLabel: moderationCase.classifierLabel,
			updatedAt: moderationCase.updatedAt,
			reasons: sql<
				string[]
			>`array(select distinct r.reason from moderation_report r where r.case_id = moderation_case.id order by 1)`
		})
		.from(moderationCase)
		.where(and(eq(moderationCase.status, view), inScope))
		.orderBy(view === 'decided' ? desc(moderationCase.updatedAt) : asc(moderationCase.updatedAt))
		.limit(QUEUE_PAGE + 1)
		.offset((page - 1) * QUEUE_PAGE);
	const counts = await db
		.select({ status: moderationCase.status, n: sql<number>`count(*)::int` })
		.from(moderationCase)
		.where(and(inArray(moderationCase.status, ['open', 'appealed']), inScope))
		.groupBy(moderationCase.status);
	return {
		items: rows.slice(0, QUEUE_PAGE),
		hasNext: rows.length > QUEUE_PAGE,
		page,
		open: counts.find((c) => c.status === 'open')?.n ?? 0,
		appealed: counts.find((c) => c.status === 'appealed')?.n ?? 0
	};
}

/**
 * One case for a moderator: what was reported (as it read then), every report (reporters under a
 * pseudonym: the same person shows the same key across cases), the decisions and their appeals,
 * and whether the content is hidden now. Reading it is staff access to what may be private words,
 * so it is audited.
 */
export async function caseDetail(
	db: Db,
	actor: Actor,
	id: string,
	now = new Date(),
	scopes: string[] = []
) {
	if (!actor) return null;
	const [found] = await db
		.select({ c: moderationCase, author: user.name })
		.from(moderationCase)
		.leftJoin(user, eq(user.id, moderationCase.authorId))
		.where(eq(moderationCase.id, id));
	const scopeModerator = !!found?.c.scope && scopes.includes(found.c.scope);
	if (!found || !canModerate(actor, 'queue.read', { ...NOT_OWN_SCOPED, scopeModerator }))
		return null;
	const c = found.c;
	const [reports, decisions, held, suspended] = await Promise.all([
		db
			.select()
			.from(moderationReport)
			.where(eq(moderationReport.caseId, id))
			.orderBy(asc(moderationReport.id)),
		db
			.select({ d: moderationDecision, moderator: user.name, appeal: moderationAppeal })
			.from(moderationDecision)
			.leftJoin(user, eq(user.id, moderationDecision.moderatorId))
			.leftJoin(moderationAppeal, eq(moderationAppeal.decisionId, moderationDecision.id))
			.where(eq(moderationDecision.caseId, id))
			.orderBy(asc(moderationDecision.id)),
		db
			.select({ decisionId: moderationHold.decisionId })
			.from(moderationHold)
			.where(and(eq(moderationHold.kind, c.kind), eq(moderationHold.subjectId, c.subjectId))),
		c.authorId ? suspendedUntil(db, c.authorId, now) : null
	]);
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'moderation.case-read',
		subjectType: 'moderation_case',
		subjectId: id,
		detail: { kind: c.kind }
	});
	const own = c.authorId === actor!.id;
	return {
		id: c.id,
		kind: c.kind,
		excerpt: c.excerpt,
		path: c.path,
		status: c.status,
		flaggedTerms: c.flaggedTerms,
		classifier: c.classifierLabel
			? { label: c.classifierLabel, score: c.classifierScore ?? 0 }
			: null,
		author: found.author,
		authorKey: c.authorId ? actorKey(c.authorId) : null,
		hidden: held.length > 0,
		/** Held for review before anyone saw it (a new member's story): publish or refuse. */
		waiting: held.length > 0 && held[0].decisionId === null,
		suspendedUntil: suspended,
		canDecide: canModerate(actor, 'case.decide', {
			ownContent: own,
			madeDecision: false,
			scopeModerator
		}),
		canSuspend: canModerate(actor, 'account.suspend', {
			ownContent: own,
			madeDecision: false,
			scopeModerator
		}),
		reports: reports.map((r) => ({
			id: r.id,
			reason: r.reason,
			note: r.note,
			reporter: r.reporterId ? actorKey(r.reporterId) : null,
			createdAt: r.createdAt
		})),
		decisions: decisions.map(({ d, moderator, appeal }) => ({
			id: d.id,
			action: d.action,
			ground: d.ground,
			statement: d.statement,
			suspendUntil: d.suspendUntil,
			moderator,
			createdAt: d.createdAt,
			appeal: appeal
				? {
						text: appeal.text,
						createdAt: appeal.createdAt,
						outcome: appeal.outcome,
						statement: appeal.statement,
						canDecide:
							!appeal.outcome &&
							canModerate(actor, 'appeal.decide', {
								ownContent: own,
								madeDecision: d.moderatorId === actor!.id,
								scopeModerator
							})
					}
				: null
		}))
	};
}

/**
 * The decisions about a person's content, for their account page: what was decided, on which
 * ground and why, what the content said, and their appeal (or whether they may still make one).
 */
export async function decisionsAbout(db: Db, actor: Actor, now = new Date()) {
	if (!actor) return null;
	const rows = await db
		.select({ d: moderationDecision, c: moderationCase, appeal: moderationAppeal })
		.from(moderationDecision)
		.innerJoin(moderationCase, eq(moderationCase.id, moderationDecision.caseId))
		.leftJoin(moderationAppeal, eq(moderationAppeal.decisionId, moderationDecision.id))
		.where(
			and(
				eq(moderationCase.authorId, actor.id),
				inArray(moderationDecision.action, [...APPEALABLE, 'restore'])
			)
		)
		.orderBy(desc(moderationDecision.id))
		.limit(100);
	return {
		suspendedUntil: await suspendedUntil(db, actor.id, now),
		decisions: rows.map(({ d, c, appeal }) => ({
			id: d.id,
			kind: c.kind,
			excerpt: c.excerpt.slice(0, 500),
			action: d.action,
			ground: d.ground,
			statement: d.statement,
			suspendUntil: d.suspendUntil,
			createdAt: d.createdAt,
			appeal: appeal
				? { text: appeal.text, outcome: appeal.outcome, statement: appeal.statement }
				: null,
			canAppeal: canAppeal(
				actor,
				{
					author: true,
					appealable: APPEALABLE.includes(d.action),
					appealed: !!appeal,
					decidedAt: d.createdAt
				},
				now
			)
		}))
	};
}
