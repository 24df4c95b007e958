import { and, asc, count, eq, sql } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { feedbackForm, goalForm, sessionForm } from '#lib/mentoring/forms.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { namesOf } from '../accounts/names.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { canMentoring, type MentoringAction, type MentoringTie } from './policy.ts';
import { pairPath, programmeAccess, type MentoringDeps } from './programmes.ts';
import {
	mentoringFeedback,
	mentoringGoal,
	mentoringPair,
	mentoringProgramme,
	mentoringSession
} from './schema.ts';

/** A pair with what the actor is to it, or null when they may not `action` it (404). */
export async function pairAccess(db: Db, actor: Actor, pairId: string, action: MentoringAction) {
	if (!actor || !pairId || pairId.length > 64) return null;
	const [pair] = await db.select().from(mentoringPair).where(eq(mentoringPair.id, pairId));
	if (!pair) return null;
	const programme = await programmeAccess(db, actor, pair.programmeId);
	const inPair =
		pair.mentorId === actor.id ? 'mentor' : pair.menteeId === actor.id ? 'mentee' : null;
	const tie: MentoringTie = {
		coordinator: !!programme?.tie.coordinator,
		open: !!programme?.tie.open,
		applied: true,
		inPair,
		pairStatus: pair.status
	};
	if (!canMentoring(actor, action, tie)) return null;
	return { pair, tie, may: (a: MentoringAction) => canMentoring(actor, a, tie) };
}

/**
 * A pair's page: the two, their goals, their sessions, and feedback. Session notes only for
 * the two of them (a coordinator reads the dates and lengths, never the notes).
 */
export async function readPair(db: Db, actor: Actor, pairId: string) {
	const access = await pairAccess(db, actor, pairId, 'see-pair');
	if (!access) return null;
	const p = access.pair;
	const [name, programme, goals, sessions, feedback] = await Promise.all([
		namesOf(db, [p.mentorId, p.menteeId]),
		db
			.select({ id: mentoringProgramme.id, title: mentoringProgramme.title })
			.from(mentoringProgramme)
			.where(eq(mentoringProgramme.id, p.programmeId)),
		db
			.select()
			.from(mentoringGoal)
			.where(eq(mentoringGoal.pairId, p.id))
			.orderBy(asc(mentoringGoal.id)),
		db
			.select()
			.from(mentoringSession)
			.where(eq(mentoringSession.pairId, p.id))
			.orderBy(asc(mentoringSession.day), asc(mentoringSession.id)),
		db.select().from(mentoringFeedback).where(eq(mentoringFeedback.pairId, p.id))
	]);
	const notes = access.may('read-notes');
	return {
		pair: p,
		programme: programme[0],
		mentor: name.get(p.mentorId) ?? '',
		mentee: name.get(p.menteeId) ?? '',
		goals,
		sessions: sessions.map((s) => ({ ...s, notes: notes ? s.notes : null })),
		myFeedback: feedback.find((f) => f.userId === actor!.id) ?? null,
		feedbackCount: feedback.length,
		tie: access.tie,
		may: access.may
	};
}

/** What the mentor does counts as an answer: the reminder clock starts again. */
const touched = (actor: Actor, pair: { mentorId: string }, now: Date) =>
	actor?.id === pair.mentorId ? { lastActivityAt: now } : {};

/** Either of the two logs a session they held. */
export async function logSession(
	db: Db,
	actor: Actor,
	pairId: string,
	raw: unknown,
	now = new Date()
): Promise<Result> {
	const access = await pairAccess(db, actor, pairId, 'log');
	if (!access) return failure('not_found');
	const parsed = sessionForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	if (parsed.data.day > now.toISOString().slice(0, 10))
		return failure('invalid', { day: 'mentoring_error_day_future' });
	await db.transaction(async (tx) => {
		await tx.insert(mentoringSession).values({ pairId, authorId: actor!.id, ...parsed.data });
		const set = touched(actor, access.pair, now);
		if (Object.keys(set).length)
			await tx.update(mentoringPair).set(set).where(eq(mentoringPair.id, pairId));
	});
	return ok();
}

/** Either of the two sets a goal. */
export async function addGoal(
	db: Db,
	actor: Actor,
	pairId: string,
	raw: unknown,
	now = new Date()
): Promise<Result> {
	const access = await pairAccess(db, actor, pairId, 'log');
	if (!access) return failure('not_found');
	const parsed = goalForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const [{ n }] = await db
		.select({ n: count() })
		.from(mentoringGoal)
		.where(eq(mentoringGoal.pairId, pairId));
	if (n >= 20) return failure('invalid', { title: 'mentoring_error_goals_many' });
	await db.insert(mentoringGoal).values({ pairId, title: parsed.data.title, createdAt: now });
	const set = touched(actor, access.pair, now);
	if (Object.keys(set).length)
		await db.update(mentoringPair).set(set).where(eq(mentoringPair.id, pairId));
	return ok();
}

/** Either of the two marks a goal met, or not met after all. */
export async function markGoal(
	db: Db,
	actor: Actor,
	pairId: string,
	goalId: number,
	met: boolean,
	now = new Date()
): Promise<Result> {
	const access = await pairAccess(db, actor, pairId, 'log');
	if (!access || !Number.isInteger(goalId)) return failure('not_found');
	const rows = await db
		.update(mentoringGoal)
		.set({ metAt: met ? now : null })
		.where(and(eq(mentoringGoal.id, goalId), eq(mentoringGoal.pairId, pairId)))
		.returning({ id: mentoringGoal.id });
	return rows.length ? ok() : failure('not_found');
}

/** One of the two leaves the pair while it runs: a drop-out, on the coordinator's dashboard. */
export async function leavePair(
	deps: MentoringDeps,
	actor: Actor,
	pairId: string,
	now = new Date()
): Promise<Result> {
	const access = await pairAccess(deps.db, actor, pairId, 'leave');
	if (!access) return failure('not_found');
	const p = access.pair;
	const other = actor!.id === p.mentorId ? p.menteeId : p.mentorId;
	await deps.db.transaction(async (tx) => {
		await tx
			.update(mentoringPair)
			.set({ status: 'dropped', droppedBy: access.tie.inPair, endedAt: now })
			.where(eq(mentoringPair.id, pairId));
		await deps.notifier.notify(tx, [
			{ userId: other, kind: 'mentoring_ended', link: pairPath(pairId) }
		]);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'mentoring.leave',
			subjectType: 'mentoring_pair',
			subjectId: pairId,
			detail: { as: access.tie.inPair }
		});
	});
	return ok();
}

/** Each of the two gives feedback once, when the pair has ended. */
export async function giveFeedback(
	db: Db,
	actor: Actor,
	pairId: string,
	raw: unknown
): Promise<Result> {
	const access = await pairAccess(db, actor, pairId, 'give-feedback');
	if (!access) return failure('not_found');
	const parsed = feedbackForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const rows = await db
		.insert(mentoringFeedback)
		.values({ pairId, userId: actor!.id, ...parsed.data })
		.onConflictDoNothing()
		.returning({ pairId: mentoringFeedback.pairId });
	return rows.length ? ok() : failure('conflict', { form: 'mentoring_error_feedback_given' });
}

/** The coordinator ends the programme: running pairs end, and both are asked for feedback. */
export async function endProgramme(
	deps: MentoringDeps,
	actor: Actor,
	programmeId: string,
	now = new Date()
): Promise<Result<{ ended: number }>> {
	const access = await programmeAccess(deps.db, actor, programmeId, 'coordinate');
	if (!access) return failure('not_found');
	if (access.programme.status === 'ended') return ok({ ended: 0 });
	const ended = await deps.db.transaction(async (tx) => {
		await tx
			.update(mentoringProgramme)
			.set({ status: 'ended', endedAt: now })
			.where(eq(mentoringProgramme.id, programmeId));
		const pairs = await tx
			.update(mentoringPair)
			.set({ status: 'ended', endedAt: now })
			.where(and(eq(mentoringPair.programmeId, programmeId), eq(mentoringPair.status, 'active')))
			.returning({ id: mentoringPair.id, a: mentoringPair.mentorId, b: mentoringPair.menteeId });
		await deps.notifier.notify(
			tx,
			pairs.flatMap((p) =>
				[p.a, p.b].map((userId) => ({
					userId,
					kind: 'mentoring_ended' as const,
					link: pairPath(p.id)
				}))
			)
		);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'mentoring.end',
			subjectType: 'mentoring_programme',
			subjectId: programmeId,
			detail: { pairs: pairs.length }
		});
		return pairs.length;
	});
	return ok({ ended });
}

/** Sessions held and goals met, per pair: what the dashboard and the pair list count. */
export async function pairProgress(db: Db, programmeId: string) {
	// Qualified: inside the subqueries a bare "id" would be the session's or goal's own.
	const pairId = sql.raw('"mentoring_pair"."id"');
	const pairs = await db
		.select({
			id: mentoringPair.id,
			mentorId: mentoringPair.mentorId,
			menteeId: mentoringPair.menteeId,
			status: mentoringPair.status,
			droppedBy: mentoringPair.droppedBy,
			score: mentoringPair.score,
			lastActivityAt: mentoringPair.lastActivityAt,
			sessions: sql<number>`(select count(*)::int from ${mentoringSession} s where s.pair_id = ${pairId})`,
			minutes: sql<number>`(select coalesce(sum(s.minutes), 0)::int from ${mentoringSession} s where s.pair_id = ${pairId})`,
			goals: sql<number>`(select count(*)::int from ${mentoringGoal} g where g.pair_id = ${pairId})`,
			goalsMet: sql<number>`(select count(*)::int from ${mentoringGoal} g where g.pair_id = ${pairId} and g.met_at is not null)`,
			rating: sql<
				number | null
			>`(select avg(f.rating)::float from ${mentoringFeedback} f where f.pair_id = ${pairId})`
		})
		.from(mentoringPair)
		.where(eq(mentoringPair.programmeId, programmeId))
		.orderBy(asc(mentoringPair.confirmedAt));
	return pairs;
}
