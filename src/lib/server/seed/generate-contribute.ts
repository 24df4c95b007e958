import { sql } from 'drizzle-orm';
import { OPPORTUNITY_TYPES, WORK_PLACES } from '#lib/opportunities/forms.ts';
import { PROGRAMME_KINDS } from '#lib/mentoring/forms.ts';
import { LANGUAGE_LEVELS } from '#lib/skills/forms.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { opportunity } from '../opportunities/schema.ts';
import { opportunitySearch } from '../opportunities/post.ts';
import { skillEntry } from '../skills/schema.ts';
import { mentoringApplication, mentoringProgramme } from '../mentoring/schema.ts';
import { idFor, picker, random } from './random.ts';

const COUNTRIES = ['FR', 'ES', 'JO', 'SN', 'MA', 'CO', 'IE', 'DE', 'SY', 'NG', 'PE', 'VN'];
const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
const TITLE_WORDS =
	'nurse care assistant developer teacher cook driver accountant engineer interpreter mentor farmer tailor electrician plumber designer researcher cashier social worker coordinator'.split(
		' '
	);

export type GenerateContributeOptions = {
	opportunities: number;
	mentoringProgrammes: number;
	seed?: number;
};

/**
 * Contribute-and-match content for benchmarks: every generated member (`gen-…`) gets a skills
 * profile (an occupation and two skills from ESCO's relations, a language with a CEFR level);
 * opportunities of every type by generated members, asking skills the relations hold, their
 * deadlines weeks to months ahead; mentoring programmes of generated organisations, each with ten
 * mentors' and twenty mentees' applications. Written directly, marked as example content,
 * deterministic from the seed; a second run adds nothing.
 */
export async function generateContribute(
	db: Db,
	opts: GenerateContributeOptions,
	log: (line: string) => void = () => {}
) {
	const seed = opts.seed ?? 42;
	const rnd = random(seed + 31);
	const pick = picker(rnd);
	const relations = rowsOf<{ occupation: string; skill: string }>(
		await db.execute(
			sql`select occupation_uri as occupation, skill_uri as skill from esco_occupation_skill order by 1, 2`
		)
	);
	const occupations = [...new Set(relations.map((r) => r.occupation))];
	const skills = [...new Set(relations.map((r) => r.skill))];
	const people = rowsOf<{ id: string }>(
		await db.execute(
			sql`select u.id from "user" u where u.id like 'gen-%' and not exists (select 1 from skill_entry e where e.user_id = u.id) order by u.id`
		)
	).map((r) => r.id);
	let profiles = 0;
	if (occupations.length && (opts.opportunities || opts.mentoringProgrammes)) {
		for (let i = 0; i < people.length; i += 2000) {
			const rows = people.slice(i, i + 2000).flatMap((userId) => {
				const occupation = pick(occupations);
				const own = [...new Set([pick(skills), pick(skills)])];
				return [
					{ id: `${userId}-o`, userId, kind: 'occupation' as const, escoUri: occupation },
					...own.map((uri, k) => ({
						id: `${userId}-s${k}`,
						userId,
						kind: 'skill' as const,
						escoUri: uri
					})),
					{
						id: `${userId}-l`,
						userId,
						kind: 'language' as const,
						language: pick(LANGUAGES),
						level: pick(LANGUAGE_LEVELS)
					}
				];
			});
			await db.insert(skillEntry).values(rows).onConflictDoNothing();
			profiles += Math.min(2000, people.length - i);
			if (i % 20_000 === 0) log(`skills profiles ${profiles}/${people.length}`);
		}
	}
	const posters = rowsOf<{ id: string }>(
		await db.execute(sql`select id from "user" where id like 'gen-%' order by id limit 5000`)
	).map((r) => r.id);
	const [done] = rowsOf(
		await db.execute(sql`select 1 from opportunity where id = ${idFor(seed, 'opportunity', 0)}`)
	);
	const now = Date.now();
	let made = 0;
	if (!done && opts.opportunities && posters.length) {
		for (let i = 0; i < opts.opportunities; i += 1000) {
			const rows = Array.from({ length: Math.min(1000, opts.opportunities - i) }, (_, k) => {
				const n = i + k;
				const title = `${pick(TITLE_WORDS)} ${pick(TITLE_WORDS)} ${n + 1}`;
				const description = `Generated opportunity ${n + 1}: ${Array.from({ length: 12 }, () => pick(TITLE_WORDS)).join(' ')}.`;
				const required = skills.length
					? [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(skills)))]
					: [];
				const optional = skills.length
					? [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => pick(skills)))].filter(
							(s) => !required.includes(s)
						)
					: [];
				return {
					id: idFor(seed, 'opportunity', n),
					type: pick(OPPORTUNITY_TYPES),
					title,
					description,
					language: pick(LANGUAGES),
					workplace: pick(WORK_PLACES),
					countries: rnd() < 0.2 ? [] : [pick(COUNTRIES)],
					origins: rnd() < 0.7 ? [] : [pick(COUNTRIES)],
					required,
					optional,
					languages: rnd() < 0.3 ? [] : [{ code: pick(LANGUAGES), level: pick(LANGUAGE_LEVELS) }],
					deadline: new Date(now + (7 + Math.floor(rnd() * 300)) * 86_400_000),
					pay: null,
					posterId: pick(posters),
					search: opportunitySearch(title, description),
					createdAt: new Date(now - n * 60_000),
					demo: true
				};
			});
			await db.insert(opportunity).values(rows);
			made += rows.length;
			if (i % 10_000 === 0) log(`opportunities ${made}/${opts.opportunities}`);
		}
	}
	const orgs = rowsOf<{ id: string }>(
		await db.execute(
			sql`select id from organisation where id like 'gen-org-%' order by id limit 1000`
		)
	).map((r) => r.id);
	let programmes = 0;
	for (let p = 0; p < opts.mentoringProgrammes && orgs.length && posters.length >= 30; p++) {
		const id = idFor(seed, 'programme', p);
		const inserted = await db
			.insert(mentoringProgramme)
			.values({
				id,
				organisationId: orgs[p % orgs.length],
				title: `Mentoring cohort ${p + 1}`,
				description: 'A generated mentoring programme for benchmarks and demos.',
				kind: pick(PROGRAMME_KINDS),
				language: LANGUAGES[p % LANGUAGES.length],
				createdAt: new Date(now - p * 86_400_000),
				demo: true
			})
			.onConflictDoNothing()
			.returning({ id: mentoringProgramme.id });
		if (!inserted.length) continue;
		programmes++;
		// One trade per programme: what mentors offer and mentees seek come from one occupation's
		// skills, and everyone speaks the programme's language, so cohorts can be paired.
		const trade = pick(occupations.length ? occupations : ['']);
		const pool = relations.filter((r) => r.occupation === trade).map((r) => r.skill);
		const language = LANGUAGES[p % LANGUAGES.length];
		const members = [...new Set(Array.from({ length: 40 }, () => pick(posters)))].slice(0, 30);
		await db.insert(mentoringApplication).values(
			members.map((userId, k) => ({
				id: idFor(seed, 'programme', p, k),
				programmeId: id,
				userId,
				role: k < 10 ? ('mentor' as const) : ('mentee' as const),
				goals: 'Generated goals for a generated programme.',
				skills: pool.length ? [...new Set([pick(pool), pick(pool)])] : [],
				languages: [{ code: language, level: pick(['B1', 'B2', 'C1', 'native'] as const) }],
				country: pick(COUNTRIES),
				utcOffset: Math.floor(rnd() * 6) - 1,
				availability: 'Evenings',
				capacity: k < 10 ? 1 + Math.floor(rnd() * 3) : 1
			}))
		);
	}
	return { profiles, opportunities: made, programmes };
}
