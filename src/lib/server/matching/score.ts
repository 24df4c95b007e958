/**
 * Matching that explains itself (docs/decisions/0034): how well a person fits what is asked
 * (an opportunity's skills and languages, a mentee's goals), as a score and the reasons for it.
 * Pure: the caller loads the people, the asks and the occupations' ESCO relations.
 */

export const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
/** A language level: CEFR, or a first language (above C2). */
export type LanguageLevel = (typeof CEFR)[number] | 'native';

const rank = (level: LanguageLevel) => (level === 'native' ? CEFR.length : CEFR.indexOf(level));

/** Which skills each occupation needs (essential) or may use (optional): ESCO's relations. */
export type OccupationSkills = Map<string, Map<string, 'essential' | 'optional'>>;

/** A person as matching sees them: what they declared, and where they live and come from. */
export type Person = {
	id: string;
	skills: string[];
	occupations: string[];
	languages: { code: string; level: LanguageLevel }[];
	/** Where they live, then where they come from (ISO 3166-1 alpha-2). */
	countries: string[];
	/** Hours from UTC, when known (mentoring). */
	utcOffset?: number | null;
};

/** What is asked: skills (essential or optional), languages at a least level, countries. */
export type Ask = {
	id: string;
	skills: { uri: string; essential: boolean }[];
	languages: { code: string; level: LanguageLevel }[];
	/** Where it is, or for whom (a diaspora's origin): empty is anywhere. */
	countries: string[];
	remote?: boolean;
};

/** One reason, as data: the page or the command line says it in the reader's language. */
export type Reason =
	| { kind: 'essential'; have: number; total: number; missing: string[] }
	| { kind: 'optional'; have: number; total: number }
	| { kind: 'implied'; skill: string; occupation: string }
	| { kind: 'language'; code: string; level: LanguageLevel; has: LanguageLevel | null }
	| { kind: 'country'; code: string }
	| { kind: 'remote' };

export type Scored = { id: string; score: number; reasons: Reason[] };

// What a skill is worth: asked as essential or optional; held as declared, or through one of the
// person's occupations (essential to it, or optional to it).
const ESSENTIAL = 3;
const OPTIONAL = 1;
const DECLARED = 1;
const IMPLIED_ESSENTIAL = 0.8;
const IMPLIED_OPTIONAL = 0.5;
const LANGUAGE_MISSING = 0.5;
const COUNTRY = 0.1;

/** How the person holds a skill: 1 declared, less through an occupation, with which one. */
function holding(person: Person, uri: string, relations: OccupationSkills) {
	if (person.skills.includes(uri)) return { value: DECLARED, occupation: null };
	let best = { value: 0, occupation: null as string | null };
	for (const occupation of person.occupations) {
		const relation = relations.get(occupation)?.get(uri);
		const value =
			relation === 'essential' ? IMPLIED_ESSENTIAL : relation === 'optional' ? IMPLIED_OPTIONAL : 0;
		if (value > best.value) best = { value, occupation };
	}
	return best;
}

/**
 * A score from 0 to 1: the weighted share of the asked skills the person holds (essential three
 * times an optional one; a skill their occupation implies counts for most of one declared), halved
 * for each asked language they do not have at the level, with a little for being in one of the
 * countries. Nothing asked is a neutral 0.5 before languages and country.
 */
export function scoreFit(person: Person, ask: Ask, relations: OccupationSkills): Scored {
	const reasons: Reason[] = [];
	let got = 0;
	let total = 0;
	const essential = { have: 0, total: 0, missing: [] as string[] };
	const optional = { have: 0, total: 0 };
	const implied: Reason[] = [];
	for (const s of ask.skills) {
		const weight = s.essential ? ESSENTIAL : OPTIONAL;
		const h = holding(person, s.uri, relations);
		total += weight;
		got += weight * h.value;
		const tally = s.essential ? essential : optional;
		tally.total++;
		if (h.value > 0) tally.have++;
		else if (s.essential) essential.missing.push(s.uri);
		if (h.occupation) implied.push({ kind: 'implied', skill: s.uri, occupation: h.occupation });
	}
	if (essential.total) reasons.push({ kind: 'essential', ...essential });
	if (optional.total) reasons.push({ kind: 'optional', ...optional });
	reasons.push(...implied);
	let score = total ? got / total : 0.5;
	for (const l of ask.languages) {
		const has = person.languages.find((p) => p.code === l.code)?.level ?? null;
		reasons.push({ kind: 'language', code: l.code, level: l.level, has });
		if (!has || rank(has) < rank(l.level)) score *= LANGUAGE_MISSING;
	}
	const country = ask.countries.find((c) => person.countries.includes(c));
	if (country) {
		reasons.push({ kind: 'country', code: country });
		score += COUNTRY * (1 - score);
	} else if (ask.remote) reasons.push({ kind: 'remote' });
	return { id: ask.id, score: Math.round(score * 1000) / 1000, reasons };
}

/** The asks best first for one person (ties: the order given, e.g. the newest first). */
export function rankAsks(person: Person, asks: Ask[], relations: OccupationSkills): Scored[] {
	return asks
		.map((a, i) => ({ ...scoreFit(person, a, relations), i }))
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.map(({ i, ...s }) => (void i, s));
}

/** The people best first for one ask, each scored as above and named by the person's id. */
export function rankPeople(people: Person[], ask: Ask, relations: OccupationSkills): Scored[] {
	return people
		.map((p, i) => ({ ...scoreFit(p, ask, relations), id: p.id, i }))
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.map(({ i, ...s }) => (void i, s));
}
