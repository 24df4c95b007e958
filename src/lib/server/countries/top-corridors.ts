import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { toAlpha2 } from './codes.ts';
import { rowsOf } from '../db/rows.ts';

export type Corridor = { country: string; total: number; male: number; female: number };

/**
 * The largest corridors of one year: `out` lists where people born in the country live, `in` where
 * the people living in it were born. Countries are ISO alpha-2; largest first (ties by code), and
 * `limit: null` gives them all (a map).
 */
export async function topCorridors(
	db: Db,
	alpha3: string,
	direction: 'out' | 'in',
	{ year = 2020, limit = 10 as number | null } = {}
): Promise<Corridor[]> {
	const [self, other] = direction === 'out' ? ['origin', 'destination'] : ['destination', 'origin'];
	const rows = rowsOf<{ code: string; total: number; male: number; female: number }>(
		await db.execute(sql`
			select ${sql.raw(other)} as code, total, male, female
			from migrant_stock
			where year = ${year} and ${sql.raw(self)} = ${alpha3} and total > 0
			order by total desc, 1
			${limit === null ? sql`` : sql`limit ${limit}`}`)
	);
	return rows.flatMap((r) => {
		const country = toAlpha2(r.code);
		return country
			? [{ country, total: Number(r.total), male: Number(r.male), female: Number(r.female) }]
			: [];
	});
}
