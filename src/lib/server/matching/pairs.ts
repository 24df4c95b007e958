import munkres from 'munkres';
import {
	CEFR,
	scoreFit,
	type LanguageLevel,
	type OccupationSkills,
	type Person,
	type Reason
} from './score.ts';

/** A mentee as pairing sees them: who they are, and the skills they want to grow. */
export type Mentee = Person & { goals: string[] };

export type PairReason =
	| Reason
	| { kind: 'shared-language'; code: string }
	| { kind: 'no-shared-language' }
	| { kind: 'time-zones'; hours: number };

export type ScoredPair = { mentor: string; mentee: string; score: number; reasons: PairReason[] };

const B1 = CEFR.indexOf('B1');
const speaks = (level: LanguageLevel) => level === 'native' || CEFR.indexOf(level) >= B1;

/**
 * How well a mentor suits a mentee: the mentee's goals as essential skills the mentor holds
 * (declared or through an occupation), a language both speak at B1 or better (none: no pair), time
 * zones a few hours apart at most (further costs), and a country in common.
 */
export function scorePair(mentor: Person, mentee: Mentee, relations: OccupationSkills): ScoredPair {
	const shared = mentee.languages.find(
		(l) => speaks(l.level) && mentor.languages.some((m) => m.code === l.code && speaks(m.level))
	);
	if (!shared)
		return {
			mentor: mentor.id,
			mentee: mentee.id,
			score: 0,
			reasons: [{ kind: 'no-shared-language' }]
		};
	const fit = scoreFit(
		mentor,
		{
			id: mentee.id,
			skills: mentee.goals.map((uri) => ({ uri, essential: true })),
			languages: [],
			countries: mentee.countries
		},
		relations
	);
	const reasons: PairReason[] = [...fit.reasons, { kind: 'shared-language', code: shared.code }];
	let score = fit.score;
	if (mentor.utcOffset != null && mentee.utcOffset != null) {
		const hours = Math.abs(mentor.utcOffset - mentee.utcOffset);
		reasons.push({ kind: 'time-zones', hours });
		if (hours > 3) score *= Math.max(0.4, 1 - (hours - 3) / 10);
	}
	return { mentor: mentor.id, mentee: mentee.id, score: Math.round(score * 1000) / 1000, reasons };
}

/**
 * A whole cohort at once: the pairs that together score highest (the Hungarian method, through
 * the `munkres` package), each mentor taking up to their capacity of mentees; a pair under
 * `least` is never proposed, and the mentees left without one are named.
 */
export function assignCohort(
	mentors: { person: Person; capacity: number }[],
	mentees: Mentee[],
	relations: OccupationSkills,
	least = 0.15
): { pairs: ScoredPair[]; unmatched: string[] } {
	const slots = mentors.flatMap((m) =>
		Array.from({ length: Math.max(0, Math.floor(m.capacity)) }, () => m.person)
	);
	if (!slots.length || !mentees.length) return { pairs: [], unmatched: mentees.map((m) => m.id) };
	const scored = slots.map((mentor) =>
		mentees.map((mentee) => scorePair(mentor, mentee, relations))
	);
	// Costs to minimise; a pair below the least score costs more than leaving both unpaired.
	const cost = scored.map((row) => row.map((p) => (p.score < least ? 1 : -p.score)));
	const pairs: ScoredPair[] = [];
	for (const [slot, col] of munkres(cost)) {
		const pair = scored[slot][col];
		if (pair.score >= least) pairs.push(pair);
	}
	const paired = new Set(pairs.map((p) => p.mentee));
	pairs.sort((a, b) => b.score - a.score || a.mentor.localeCompare(b.mentor));
	return { pairs, unmatched: mentees.filter((m) => !paired.has(m.id)).map((m) => m.id) };
}
