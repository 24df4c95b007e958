import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { audienceScope, type Audience } from './audience.ts';

export type CountryMembers = { from: number; living: number };

/** How many members come from a country and how many live there, as this audience may count them. */
export async function countryMembers(
	db: Db,
	audience: Audience,
	alpha2: string
): Promise<CountryMembers> {
	const { facets, listed } = audienceScope(audience);
	const from = `origin:${alpha2}`;
	const living = `res:${alpha2}`;
	const rows = rowsOf<{ from: number; living: number }>(
		await db.execute(sql`
			select count(*) filter (where ${facets} @> array[${from}]::text[])::int as "from",
				count(*) filter (where ${facets} @> array[${living}]::text[])::int as living
			from member_profile
			where ${listed} and ${facets} && array[${from}, ${living}]::text[]`)
	);
	return { from: Number(rows[0]?.from ?? 0), living: Number(rows[0]?.living ?? 0) };
}
