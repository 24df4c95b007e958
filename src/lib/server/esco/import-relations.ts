import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { escoOccupationSkill } from './schema.ts';

/**
 * occupationSkillRelations_en.csv (an official download) or occupationSkillRelations.csv.gz (the
 * shipped sample, derived by scripts/derive-esco-relations.js): an occupation, a skill, and
 * whether the occupation needs it (essential) or may use it (optional).
 */
export const RELATIONS_FILE = /^occupationSkillRelations(?:_[a-z-]+)?\.csv(\.gz)?$/i;

type Relation = { occupationUri: string; skillUri: string; relation: 'essential' | 'optional' };

/**
 * Reads the files' relations and keeps those whose occupation and skill are concepts we hold;
 * a relation imported again takes its new type. Returns how many were stored.
 */
export async function importRelations(db: Db, files: string[], batchSize = 1000): Promise<number> {
	let stored = 0;
	for (const file of files) {
		const parser = parse({ bom: true, columns: (h: string[]) => h.map(columnName) });
		const stages = file.endsWith('.gz')
			? [createReadStream(file), createGunzip(), parser]
			: [createReadStream(file), parser];
		pipeline(stages, () => {});
		let batch: Relation[] = [];
		for await (const row of parser as AsyncIterable<Record<string, string>>) {
			const occupationUri = row.occupationuri?.trim();
			const skillUri = row.skilluri?.trim();
			const relation = row.relationtype?.trim().toLowerCase();
			if (!occupationUri || !skillUri) continue;
			if (relation !== 'essential' && relation !== 'optional') continue;
			batch.push({ occupationUri, skillUri, relation });
			if (batch.length >= batchSize) {
				stored += await store(db, batch);
				batch = [];
			}
		}
		if (batch.length) stored += await store(db, batch);
	}
	return stored;
}

function columnName(header: string) {
	return header.toLowerCase().replace(/[^a-z]/g, '');
}

async function store(db: Db, rows: Relation[]) {
	// One row per pair in a statement (a file may list a pair twice): the last one counts.
	const unique = [...new Map(rows.map((r) => [`${r.occupationUri} ${r.skillUri}`, r])).values()];
	const values = sql.join(
		unique.map((r) => sql`(${r.occupationUri}, ${r.skillUri}, ${r.relation})`),
		sql`, `
	);
	const result = await db.execute(sql`
		insert into ${escoOccupationSkill} (occupation_uri, skill_uri, relation)
		select v.o, v.s, v.r from (values ${values}) as v(o, s, r)
		where exists (select from esco_concept c where c.uri = v.o and c.kind = 'occupation')
		  and exists (select from esco_concept c where c.uri = v.s and c.kind = 'skill')
		on conflict (occupation_uri, skill_uri) do update set relation = excluded.relation
		returning 1`);
	// Both drivers answer `{ rows }`.
	return (result as unknown as { rows: unknown[] }).rows.length;
}
