import { describe, expect, it } from 'vitest';
import {
	rankAsks,
	rankPeople,
	scoreFit,
	type Ask,
	type OccupationSkills,
	type Person
} from './score.ts';
import { assignCohort, scorePair, type Mentee } from './pairs.ts';

// A hand-made world: two occupations with the skills ESCO says they need or may use.
const NURSE = 'occupation/nurse';
const COOK = 'occupation/cook';
const relations: OccupationSkills = new Map([
	[
		NURSE,
		new Map([
			['care', 'essential'],
			['hygiene', 'essential'],
			['first-aid', 'optional']
		])
	],
	[
		COOK,
		new Map([
			['food-safety', 'essential'],
			['hygiene', 'optional']
		])
	]
]) as OccupationSkills;

const person = (id: string, p: Partial<Person>): Person => ({
	id,
	skills: [],
	occupations: [],
	languages: [],
	countries: [],
	...p
});

const careAssistant: Ask = {
	id: 'care-assistant',
	skills: [
		{ uri: 'care', essential: true },
		{ uri: 'hygiene', essential: true },
		{ uri: 'patience', essential: true },
		{ uri: 'first-aid', essential: false }
	],
	languages: [{ code: 'fr', level: 'B1' }],
	countries: ['FR']
};
const kitchenHelper: Ask = {
	id: 'kitchen-helper',
	skills: [
		{ uri: 'food-safety', essential: true },
		{ uri: 'hygiene', essential: false }
	],
	languages: [],
	countries: []
};
const developer: Ask = {
	id: 'developer',
	skills: [{ uri: 'python', essential: true }],
	languages: [],
	countries: [],
	remote: true
};

const amina = person('amina', {
	skills: ['care', 'hygiene', 'patience'],
	languages: [{ code: 'fr', level: 'B2' }],
	countries: ['FR', 'SN']
});
// Care and hygiene only through being a nurse: the relation case.
const bilal = person('bilal', {
	skills: ['patience'],
	occupations: [NURSE],
	languages: [{ code: 'fr', level: 'C1' }],
	countries: ['BE', 'MA']
});
// Every skill, but French below the level asked: the language case.
const chen = person('chen', {
	skills: ['care', 'hygiene', 'patience', 'first-aid'],
	languages: [{ code: 'fr', level: 'A2' }],
	countries: ['FR']
});
const dara = person('dara', { languages: [{ code: 'fr', level: 'native' }], countries: ['FR'] });

describe('matching people and opportunities', () => {
	it('ranks people for an opportunity: declared skills, then skills their occupation implies, then a language below the level', () => {
		const ranked = rankPeople([dara, chen, bilal, amina], careAssistant, relations);
		expect(ranked.map((r) => [r.id, r.score])).toEqual([
			// 9 of 10 weighted skills (first aid, optional, missing), and in France: 0.9 + 0.1 × 0.1.
			['amina', 0.91],
			['bilal', 0.83],
			['chen', 0.55],
			['dara', 0.1]
		]);
	});

	it('says why: essential skills held and missing, what an occupation brings, languages, country', () => {
		expect(scoreFit(amina, careAssistant, relations).reasons).toEqual([
			{ kind: 'essential', have: 3, total: 3, missing: [] },
			{ kind: 'optional', have: 0, total: 1 },
			{ kind: 'language', code: 'fr', level: 'B1', has: 'B2' },
			{ kind: 'country', code: 'FR' }
		]);
		expect(scoreFit(bilal, careAssistant, relations).reasons).toEqual([
			{ kind: 'essential', have: 3, total: 3, missing: [] },
			{ kind: 'optional', have: 1, total: 1 },
			{ kind: 'implied', skill: 'care', occupation: NURSE },
			{ kind: 'implied', skill: 'hygiene', occupation: NURSE },
			{ kind: 'implied', skill: 'first-aid', occupation: NURSE },
			{ kind: 'language', code: 'fr', level: 'B1', has: 'C1' }
		]);
		expect(scoreFit(dara, careAssistant, relations).reasons[0]).toEqual({
			kind: 'essential',
			have: 0,
			total: 3,
			missing: ['care', 'hygiene', 'patience']
		});
		expect(scoreFit(chen, careAssistant, relations).reasons).toContainEqual({
			kind: 'language',
			code: 'fr',
			level: 'B1',
			has: 'A2'
		});
		expect(scoreFit(dara, developer, relations).reasons).toContainEqual({ kind: 'remote' });
	});

	it('ranks opportunities for a person, an occupation’s optional skill counting for less', () => {
		const ranked = rankAsks(bilal, [developer, kitchenHelper, careAssistant], relations);
		expect(ranked.map((r) => [r.id, r.score])).toEqual([
			['care-assistant', 0.83],
			['kitchen-helper', 0.2],
			['developer', 0]
		]);
		const cook = person('cook', { occupations: [COOK] });
		expect(scoreFit(cook, kitchenHelper, relations).score).toBe(0.725);
	});
});

describe('mentoring pairs', () => {
	const en: Person['languages'] = [{ code: 'en', level: 'C1' }];
	const mentor = (id: string, skills: string[], languages = en): Person =>
		person(id, { skills, languages });
	const mentee = (
		id: string,
		goals: string[],
		languages: Person['languages'] = [{ code: 'en', level: 'B2' }]
	): Mentee => ({
		...person(id, { languages }),
		goals
	});

	it('pairs a whole cohort for the best total, not the best first pair, within capacities', () => {
		const mentors = [
			{ person: mentor('m1', ['a', 'b']), capacity: 1 },
			{ person: mentor('m2', ['a']), capacity: 1 },
			{ person: mentor('m3', ['c', 'd']), capacity: 1 },
			{ person: mentor('m4', ['c']), capacity: 1 },
			{ person: mentor('m5', ['e', 'f', 'g']), capacity: 2 },
			{ person: mentor('m6', ['h'], [{ code: 'de', level: 'native' }]), capacity: 1 }
		];
		const mentees = [
			mentee('e1', ['a']),
			mentee('e2', ['a', 'b']),
			mentee('e3', ['c']),
			mentee('e4', ['c', 'd']),
			mentee('e5', ['e']),
			mentee('e6', ['f', 'g']),
			mentee('e7', ['g', 'h']),
			mentee(
				'e8',
				['h'],
				[
					{ code: 'de', level: 'B2' },
					{ code: 'en', level: 'A2' }
				]
			)
		];
		// Greedy would give m1 to e1 (a perfect pair) and leave e2 half served by m2.
		const { pairs, unmatched } = assignCohort(mentors, mentees, relations);
		expect(pairs.map((p) => `${p.mentor}-${p.mentee}`).sort()).toEqual([
			'm1-e2',
			'm2-e1',
			'm3-e4',
			'm4-e3',
			'm5-e5',
			'm5-e6',
			'm6-e8'
		]);
		expect(unmatched).toEqual(['e7']);
		expect(pairs.every((p) => p.score === 1)).toBe(true);
	});

	it('needs a language both speak well enough, and costs distance in time zones', () => {
		const far = mentor('far', ['a']);
		far.utcOffset = -5;
		const near = mentee('near', ['a']);
		near.utcOffset = 3;
		const pair = scorePair(far, near, relations);
		expect(pair.score).toBe(0.5);
		expect(pair.reasons).toContainEqual({ kind: 'time-zones', hours: 8 });
		expect(pair.reasons).toContainEqual({ kind: 'shared-language', code: 'en' });
		const beginner = mentee('beginner', ['a'], [{ code: 'en', level: 'A1' }]);
		expect(scorePair(far, beginner, relations)).toMatchObject({
			score: 0,
			reasons: [{ kind: 'no-shared-language' }]
		});
		expect(assignCohort([{ person: far, capacity: 1 }], [beginner], relations)).toEqual({
			pairs: [],
			unmatched: ['beginner']
		});
	});
});
