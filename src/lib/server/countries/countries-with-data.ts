import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { toAlpha2 } from './codes.ts';
import { rowsOf } from '../db/rows.ts';

// The figures only change when they are loaded: one scan per database and process is enough.
const known = new WeakMap<Db, string[]>();

/** Countries and territories with UN DESA figures, as ISO alpha-2 codes. */
export async function countriesWithData(db: Db): Promise<string[]> {
	const cached = known.get(db);
	if (cached) return cached;
	const rows = rowsOf<{ code: string }>(
		await db.execute(sql`
			select origin as code from migrant_stock
			union select destination from migrant_stock`)
	);
	const codes = rows
		.map((r) => toAlpha2(r.code))
		.filter((c): c is string => c !== null)
		.sort();
	// Not before the figures are loaded (a first request can come while they load).
	if (codes.length) known.set(db, codes);
	return codes;
}
