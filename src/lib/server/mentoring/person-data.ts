import { eq, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
	mentoringApplication,
	mentoringFeedback,
	mentoringPair,
	mentoringSession
} from './schema.ts';

/**
 * For export: a person's mentoring applications, the pairs they were in, the sessions they
 * logged and the feedback they gave. (All go with the account: cascades.)
 */
export async function mentoringOfPerson(db: Db, userId: string) {
	const [applications, pairs, sessions, feedback] = await Promise.all([
		db.select().from(mentoringApplication).where(eq(mentoringApplication.userId, userId)),
		db
			.select({
				id: mentoringPair.id,
				programmeId: mentoringPair.programmeId,
				status: mentoringPair.status,
				as: mentoringPair.mentorId,
				confirmedAt: mentoringPair.confirmedAt,
				endedAt: mentoringPair.endedAt
			})
			.from(mentoringPair)
			.where(or(eq(mentoringPair.mentorId, userId), eq(mentoringPair.menteeId, userId))),
		db.select().from(mentoringSession).where(eq(mentoringSession.authorId, userId)),
		db.select().from(mentoringFeedback).where(eq(mentoringFeedback.userId, userId))
	]);
	return {
		applications: applications.map(({ userId: _u, ...a }) => (void _u, a)),
		pairs: pairs.map(({ as, ...p }) => ({ ...p, role: as === userId ? 'mentor' : 'mentee' })),
		sessions,
		feedback: feedback.map(({ userId: _u, ...f }) => (void _u, f))
	};
}
