import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { pairPath, type MentoringDeps } from './programmes.ts';
import { mentoringPair, mentoringProgramme } from './schema.ts';

/**
 * A mentor who has logged nothing (no session, no goal) for the programme's `reminder_days` is
 * reminded, once per such silence: again only after as many days more. Run hourly.
 */
export async function remindQuietMentors(deps: MentoringDeps, now = new Date()) {
	const due = await deps.db
		.select({ id: mentoringPair.id, mentorId: mentoringPair.mentorId })
		.from(mentoringPair)
		.innerJoin(mentoringProgramme, eq(mentoringProgramme.id, mentoringPair.programmeId))
		.where(
			and(
				eq(mentoringPair.status, 'active'),
				lte(
					mentoringPair.lastActivityAt,
					sql`${now.toISOString()}::timestamptz - make_interval(days => ${mentoringProgramme.reminderDays})`
				),
				or(
					isNull(mentoringPair.remindedAt),
					lte(
						mentoringPair.remindedAt,
						sql`${now.toISOString()}::timestamptz - make_interval(days => ${mentoringProgramme.reminderDays})`
					)
				)
			)
		)
		.limit(1000);
	if (!due.length) return 0;
	await deps.db.transaction(async (tx) => {
		await tx
			.update(mentoringPair)
			.set({ remindedAt: now })
			.where(
				inArray(
					mentoringPair.id,
					due.map((d) => d.id)
				)
			);
		await deps.notifier.notify(
			tx,
			due.map((d) => ({
				userId: d.mentorId,
				kind: 'mentoring_reminder' as const,
				link: pairPath(d.id)
			}))
		);
	});
	return due.length;
}
