import { reasonConcepts, reasonSentence, type ReasonData } from '#lib/matching/reasons.ts';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { Db } from '../db/client.ts';
import { labelsFor } from '../esco/search-esco.ts';
import type { Scored } from './score.ts';

export type Explained = { id: string; score: number; reasons: string[] };

/** Ranked suggestions with their reasons said in the reader's language (ESCO labels in it too). */
export async function explain(db: Db, scored: Scored[], locale: Locale): Promise<Explained[]> {
	const reasons = scored.flatMap((s) => s.reasons as ReasonData[]);
	const labels = await labelsFor(db, reasonConcepts(reasons), locale);
	const label = (uri: string) => labels.get(uri) ?? uri;
	return scored.map((s) => ({
		id: s.id,
		score: s.score,
		reasons: (s.reasons as ReasonData[]).map((r) => reasonSentence(r, locale, label))
	}));
}
