import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { namesOf } from '../accounts/names.ts';
import { pairProgress } from './pairs.ts';
import { programmeAccess } from './programmes.ts';
import { mentoringApplication } from './schema.ts';

/**
 * The coordinator's dashboard: applications by role, pairs with their sessions and goals met,
 * drop-outs, and the feedback's average rating. Counts only: no session notes.
 */
export async function programmeDashboard(db: Db, actor: Actor, programmeId: string) {
	const access = await programmeAccess(db, actor, programmeId, 'coordinate');
	if (!access) return null;
	const [applications, pairs] = await Promise.all([
		db
			.select({ role: mentoringApplication.role })
			.from(mentoringApplication)
			.where(eq(mentoringApplication.programmeId, programmeId)),
		pairProgress(db, programmeId)
	]);
	const names = await namesOf(
		db,
		pairs.flatMap((p) => [p.mentorId, p.menteeId])
	);
	const rated = pairs.filter((p) => p.rating !== null);
	return {
		programme: access.programme,
		totals: {
			mentors: applications.filter((a) => a.role === 'mentor').length,
			mentees: applications.filter((a) => a.role === 'mentee').length,
			pairs: pairs.length,
			active: pairs.filter((p) => p.status === 'active').length,
			dropped: pairs.filter((p) => p.status === 'dropped').length,
			sessions: pairs.reduce((n, p) => n + p.sessions, 0),
			goals: pairs.reduce((n, p) => n + p.goals, 0),
			goalsMet: pairs.reduce((n, p) => n + p.goalsMet, 0),
			rating: rated.length
				? Math.round((rated.reduce((n, p) => n + p.rating!, 0) / rated.length) * 10) / 10
				: null
		},
		pairs: pairs.map((p) => ({
			...p,
			mentor: names.get(p.mentorId) ?? '',
			mentee: names.get(p.menteeId) ?? ''
		}))
	};
}
