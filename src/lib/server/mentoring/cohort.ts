import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { namesOf } from '../accounts/names.ts';
import { occupationSkills } from '../esco/relations.ts';
import { explain } from '../matching/explain.ts';
import { assignCohort, type Mentee } from '../matching/pairs.ts';
import type { Person } from '../matching/score.ts';
import { matchingPeople } from '../skills/match-people.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { pairPath, programmeAccess, type MentoringDeps } from './programmes.ts';
import { mentoringApplication, mentoringPair } from './schema.ts';

type ApplicationRow = typeof mentoringApplication.$inferSelect;

/** A person as pairing reads them: their profile, with what the application says on top. */
function withApplication(base: Person | undefined, a: ApplicationRow): Person {
	const p = base ?? { id: a.userId, skills: [], occupations: [], languages: [], countries: [] };
	return {
		...p,
		skills: [...new Set([...p.skills, ...(a.role === 'mentor' ? a.skills : [])])],
		languages: a.languages,
		countries: [...new Set([...(a.country ? [a.country] : []), ...p.countries])],
		utcOffset: a.utcOffset
	};
}

/**
 * The pairs the coordinator is offered: every mentee not yet paired with every mentor with room
 * left, assigned together for the best total (the Hungarian method, matching/pairs.ts), each
 * with its reasons in the reader's language; and the mentees no mentor suits.
 */
export async function suggestCohort(db: Db, actor: Actor, programmeId: string, locale: Locale) {
	const access = await programmeAccess(db, actor, programmeId, 'coordinate');
	if (!access) return null;
	return cohortOf(db, programmeId, locale);
}

/** The suggested cohort of a programme, for whoever may see it (suggestCohort checks). */
export async function cohortOf(db: Db, programmeId: string, locale: Locale) {
	const applications = await db
		.select()
		.from(mentoringApplication)
		.where(eq(mentoringApplication.programmeId, programmeId));
	const pairs = await db
		.select({ mentorId: mentoringPair.mentorId, menteeId: mentoringPair.menteeId })
		.from(mentoringPair)
		.where(and(eq(mentoringPair.programmeId, programmeId), ne(mentoringPair.status, 'dropped')));
	const paired = new Set(pairs.map((p) => p.menteeId));
	const taken = new Map<string, number>();
	for (const p of pairs) taken.set(p.mentorId, (taken.get(p.mentorId) ?? 0) + 1);
	const people = new Map(
		(
			await matchingPeople(
				db,
				applications.map((a) => a.userId),
				{ listedOnly: false }
			)
		).map((p) => [p.id, p])
	);
	const mentors = applications
		.filter((a) => a.role === 'mentor' && a.capacity > (taken.get(a.userId) ?? 0))
		.map((a) => ({
			person: withApplication(people.get(a.userId), a),
			capacity: a.capacity - (taken.get(a.userId) ?? 0)
		}));
	const mentees: Mentee[] = applications
		.filter((a) => a.role === 'mentee' && !paired.has(a.userId))
		.map((a) => ({ ...withApplication(people.get(a.userId), a), goals: a.skills }));
	const relations = await occupationSkills(
		db,
		mentors.flatMap((m) => m.person.occupations)
	);
	const cohort = assignCohort(mentors, mentees, relations);
	const names = await namesOf(
		db,
		applications.map((a) => a.userId)
	);
	const said = await explain(
		db,
		cohort.pairs.map((p) => ({
			id: `${p.mentor}:${p.mentee}`,
			score: p.score,
			reasons: p.reasons as never
		})),
		locale
	);
	return {
		pairs: cohort.pairs.map((p, i) => ({
			key: `${p.mentor}:${p.mentee}`,
			mentor: { id: p.mentor, name: names.get(p.mentor) ?? '' },
			mentee: { id: p.mentee, name: names.get(p.mentee) ?? '' },
			score: p.score,
			reasons: said[i].reasons,
			data: p.reasons
		})),
		unmatched: cohort.unmatched.map((id) => ({ id, name: names.get(id) ?? '' })),
		waiting: { mentors: mentors.length, mentees: mentees.length }
	};
}

/**
 * The coordinator confirms suggested pairs (all, or those ticked): each becomes a pair, the two
 * are told. Only pairs the assignment still suggests are confirmed; nothing else is stored.
 */
export async function confirmPairs(
	deps: MentoringDeps,
	actor: Actor,
	programmeId: string,
	keys: string[] | 'all',
	now = new Date()
): Promise<Result<{ confirmed: number }>> {
	const suggested = await suggestCohort(deps.db, actor, programmeId, 'en');
	if (!suggested || !actor) return failure('not_found');
	const chosen = suggested.pairs.filter((p) => keys === 'all' || keys.includes(p.key));
	if (!chosen.length) return failure('invalid', { form: 'mentoring_error_no_pairs' });
	return ok({ confirmed: await storePairs(deps, programmeId, chosen, actor.id, now) });
}

type Suggested = NonNullable<Awaited<ReturnType<typeof cohortOf>>>['pairs'];

/** Stores suggested pairs and tells both people of each (confirmPairs; the demo seed). */
export async function storePairs(
	deps: MentoringDeps,
	programmeId: string,
	chosen: Suggested,
	actorId: string | null,
	now = new Date()
) {
	return deps.db.transaction(async (tx) => {
		let n = 0;
		for (const p of chosen) {
			const id = randomUUID();
			const rows = await tx
				.insert(mentoringPair)
				.values({
					id,
					programmeId,
					mentorId: p.mentor.id,
					menteeId: p.mentee.id,
					score: Math.round(p.score * 1000),
					reasons: p.data,
					confirmedAt: now,
					lastActivityAt: now
				})
				.onConflictDoNothing()
				.returning({ id: mentoringPair.id });
			if (!rows.length) continue;
			n++;
			await deps.notifier.notify(
				tx,
				[p.mentor.id, p.mentee.id].map((userId) => ({
					userId,
					kind: 'mentoring_paired' as const,
					link: pairPath(id)
				}))
			);
		}
		await writeAudit(tx, {
			actorId,
			action: 'mentoring.confirm',
			subjectType: 'mentoring_programme',
			subjectId: programmeId,
			detail: { pairs: n }
		});
		return n;
	});
}
