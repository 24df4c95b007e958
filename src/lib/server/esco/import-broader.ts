import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { escoBroader } from './schema.ts';

/**
 * broaderRelationsOccPillar_en.csv, broaderRelationsSkillPillar_en.csv (an official download) or
 * broaderRelations.csv.gz (the shipped sample): a concept and the concept it is filed under.
 */
export const BROADER_FILE =
	/^broaderRelations(?:OccPillar|SkillPillar)?(?:_[a-z-]+)?\.csv(\.gz)?$/i;

/**
 * Reads the files' (conceptUri, broaderUri) pairs and keeps those whose two ends are concepts we
 * hold (a release's pillars also file occupations under ISCO groups and skills under skill groups,
 * which are not concepts here). Returns how many links were stored; a link stored before stays.
 */
export async function importBroader(db: Db, files: string[], batchSize = 1000): Promise<number> {
	let stored = 0;
	for (const file of files) {
		const parser = parse({ bom: true, columns: (h: string[]) => h.map(columnName) });
		const stages = file.endsWith('.gz')
			? [createReadStream(file), createGunzip(), parser]
			: [createReadStream(file), parser];
		pipeline(stages, () => {});
		let batch: { uri: string; broader: string }[] = [];
		for await (const row of parser as AsyncIterable<Record<string, string>>) {
			const uri = row.concepturi?.trim();
			const broader = row.broaderuri?.trim();
			if (!uri || !broader || uri === broader) continue;
			batch.push({ uri, broader });
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

async function store(db: Db, pairs: { uri: string; broader: string }[]) {
	const values = sql.join(
		pairs.map((p) => sql`(${p.uri}, ${p.broader})`),
		sql`, `
	);
	const result = await db.execute(sql`
		insert into ${escoBroader} (uri, broader)
		select v.uri, v.broader from (values ${values}) as v(uri, broader)
		where exists (select from esco_concept c where c.uri = v.uri)
		  and exists (select from esco_concept c where c.uri = v.broader)
		on conflict do nothing returning 1`);
	// Both drivers answer `{ rows }`.
	return (result as unknown as { rows: unknown[] }).rows.length;
}
