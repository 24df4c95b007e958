import { and, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { escoOccupationSkill } from './schema.ts';

/**
 * The skills the given occupations need or may use, as matching reads them; only those among
 * `skills` when given (ranking people for one ask reads no other relation).
 */
export async function occupationSkills(
	db: Db | Tx,
	occupations: string[],
	skills?: string[]
): Promise<Map<string, Map<string, 'essential' | 'optional'>>> {
	const out = new Map<string, Map<string, 'essential' | 'optional'>>();
	const wanted = [...new Set(occupations)].slice(0, skills ? 20_000 : 1000);
	if (!wanted.length) return out;
	const rows = await db
		.select()
		.from(escoOccupationSkill)
		.where(
			skills
				? and(
						inArray(escoOccupationSkill.occupationUri, wanted),
						inArray(escoOccupationSkill.skillUri, skills.length ? skills : [''])
					)
				: inArray(escoOccupationSkill.occupationUri, wanted)
		);
	for (const r of rows) {
		let skills = out.get(r.occupationUri);
		if (!skills) out.set(r.occupationUri, (skills = new Map()));
		skills.set(r.skillUri, r.relation);
	}
	return out;
}
