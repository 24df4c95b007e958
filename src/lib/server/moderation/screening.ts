import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { logger } from '../platform/logger.ts';
import type { Classifier } from './classifier.ts';
import { lexiconMatches } from './lexicon.ts';
import { flagByClassifier, flagSubject, type Subject } from './report.ts';
import { moderationScreening } from './schema.ts';

let classifierSet = false;

/** The composition root says whether an operator's classifier scores saved text (decision 0027). */
export function useClassifierScreening(on: boolean) {
	classifierSet = on;
}

/**
 * What every module calls inside the transaction that saves text: lexicon matches go to the queue
 * at once; with a classifier set, the text also waits to be scored off the request path.
 * Nothing is removed either way.
 */
export async function screenOnSave(tx: Tx, subject: Subject, text: string) {
	await flagSubject(tx, subject, await lexiconMatches(tx, text));
	if (!classifierSet || !text.trim()) return;
	const row = { subject, text, authorId: subject.authorId, attempts: 0, queuedAt: new Date() };
	await tx
		.insert(moderationScreening)
		.values({ kind: subject.kind, subjectId: subject.id, ...row })
		.onConflictDoUpdate({
			target: [moderationScreening.kind, moderationScreening.subjectId],
			set: row
		});
}

const BATCH = 32;
/** A text the model fails on this many times is left to the lexicons (and logged). */
const MAX_ATTEMPTS = 3;

/**
 * Scores what waits, oldest first, and flags what reaches the threshold (the queue's job, every
 * minute). A row saved again while it was scored stays for the next run.
 */
export async function runScreening(db: Db, classifier: Classifier, limit = 2000) {
	let screened = 0;
	let flagged = 0;
	while (screened < limit) {
		const rows = await db
			.select()
			.from(moderationScreening)
			.where(sql`${moderationScreening.attempts} < ${MAX_ATTEMPTS}`)
			.orderBy(asc(moderationScreening.queuedAt))
			.limit(BATCH);
		if (!rows.length) break;
		let scores: Awaited<ReturnType<Classifier['classify']>>;
		try {
			scores = await classifier.classify(rows.map((r) => r.text));
		} catch (error) {
			logger.error({ err: error, rows: rows.length }, 'text classifier failed');
			await db
				.update(moderationScreening)
				.set({ attempts: sql`${moderationScreening.attempts} + 1` })
				.where(
					sql`(${moderationScreening.kind}, ${moderationScreening.subjectId}) in (${sql.join(
						rows.map((r) => sql`(${r.kind}, ${r.subjectId})`),
						sql`, `
					)})`
				);
			break;
		}
		await db.transaction(async (tx) => {
			for (const [i, row] of rows.entries()) {
				const gone = await tx
					.delete(moderationScreening)
					.where(
						and(
							eq(moderationScreening.kind, row.kind),
							eq(moderationScreening.subjectId, row.subjectId),
							eq(moderationScreening.queuedAt, row.queuedAt)
						)
					)
					.returning({ kind: moderationScreening.kind });
				const score = scores[i];
				if (gone.length && score) {
					await flagByClassifier(tx, row.subject, score);
					flagged++;
				}
			}
		});
		screened += rows.length;
	}
	const abandoned = await db
		.delete(moderationScreening)
		.where(sql`${moderationScreening.attempts} >= ${MAX_ATTEMPTS}`)
		.returning({ kind: moderationScreening.kind });
	if (abandoned.length)
		logger.warn({ texts: abandoned.length }, 'texts the classifier failed on left to the lexicons');
	return { screened, flagged };
}
