import { and, asc, count, desc, inArray, ne, sql } from 'drizzle-orm';
import type { LanguageLevel } from '#lib/skills/forms.ts';
import type { Db } from '../db/client.ts';
import type { Person } from '../matching/score.ts';
import { skillEntry } from './schema.ts';
import { escoOccupationSkill } from '../esco/schema.ts';
import { memberProfile, type ProfileLanguage } from '../members/schema.ts';

/** A directory profile's plain language levels, as CEFR levels for matching. */
const PROFILE_LEVEL: Record<ProfileLanguage['level'], LanguageLevel> = {
	native: 'native',
	fluent: 'C1',
	intermediate: 'B1',
	basic: 'A2'
};

/**
 * People as matching reads them: the ESCO occupations and skills of their skills profile, their
 * languages (the skills profile's CEFR level first, else the directory profile's), and where they
 * live then come from. With `listedOnly` (suggesting people to others), only people whose
 * directory profile is listed to members at least; a person's own ranking needs no profile.
 */
export async function matchingPeople(
	db: Db,
	userIds: string[],
	{ listedOnly = true } = {}
): Promise<Person[]> {
	const ids = [...new Set(userIds)];
	if (!ids.length) return [];
	const people = new Map<string, Person>();
	for (let i = 0; i < ids.length; i += 5000) {
		const batch = ids.slice(i, i + 5000);
		if (!listedOnly)
			for (const id of batch)
				people.set(id, { id, skills: [], occupations: [], languages: [], countries: [] });
		const profiles = await db
			.select({
				id: memberProfile.userId,
				residence: memberProfile.residenceCountry,
				origins: memberProfile.originCountries,
				languages: memberProfile.languages,
				expertise: memberProfile.expertise
			})
			.from(memberProfile)
			.where(
				listedOnly
					? and(inArray(memberProfile.userId, batch), ne(memberProfile.listed, 'nobody'))
					: inArray(memberProfile.userId, batch)
			);
		for (const p of profiles)
			people.set(p.id, {
				id: p.id,
				// The directory's expertise is ESCO too: occupations and skills.
				skills: p.expertise.filter((u) => u.includes('/skill/')),
				occupations: p.expertise.filter((u) => u.includes('/occupation/')),
				languages: p.languages.map((l) => ({ code: l.code, level: PROFILE_LEVEL[l.level] })),
				countries: [...(p.residence ? [p.residence] : []), ...p.origins]
			});
		const entries = await db
			.select({
				userId: skillEntry.userId,
				kind: skillEntry.kind,
				uri: skillEntry.escoUri,
				language: skillEntry.language,
				level: skillEntry.level
			})
			.from(skillEntry)
			.where(
				and(
					inArray(skillEntry.userId, batch),
					inArray(skillEntry.kind, ['occupation', 'skill', 'language'])
				)
			);
		for (const e of entries) {
			const p = people.get(e.userId);
			if (!p) continue;
			if (e.kind === 'occupation' && e.uri && !p.occupations.includes(e.uri))
				p.occupations.push(e.uri);
			else if (e.kind === 'skill' && e.uri && !p.skills.includes(e.uri)) p.skills.push(e.uri);
			else if (e.kind === 'language' && e.language && e.level) {
				p.languages = p.languages.filter((l) => l.code !== e.language);
				p.languages.push({ code: e.language, level: e.level as LanguageLevel });
			}
		}
	}
	return ids.flatMap((id) => people.get(id) ?? []);
}

/**
 * Who might hold any of these skills: people whose skills profile has one, or an occupation that
 * needs or may use one (ESCO's relations); those holding the most of them first (a skill
 * declared counts before one an occupation implies), at most `limit` of them. Matching then
 * ranks them in full.
 */
export async function peopleHolding(db: Db, skills: string[], limit = 500): Promise<string[]> {
	if (!skills.length) return [];
	const occupations = await db
		.selectDistinct({ uri: escoOccupationSkill.occupationUri })
		.from(escoOccupationSkill)
		.where(inArray(escoOccupationSkill.skillUri, skills));
	const concepts = [...new Set([...skills, ...occupations.map((o) => o.uri)])];
	const declared = sql`count(*) filter (where ${inArray(skillEntry.escoUri, skills)})`;
	const rows = await db
		.select({ id: skillEntry.userId })
		.from(skillEntry)
		.where(inArray(skillEntry.escoUri, concepts))
		.groupBy(skillEntry.userId)
		.orderBy(desc(declared), desc(count()), asc(skillEntry.userId))
		.limit(limit);
	return rows.map((r) => r.id);
}
