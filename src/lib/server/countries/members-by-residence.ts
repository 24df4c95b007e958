import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { audienceScope, type Audience } from './audience.ts';

/**
 * Members by country of residence ({ FR: 12, … }), as this audience may count them; with `origin`,
 * only members from that country (a diaspora). Codes are ISO alpha-2, upper case.
 */
export async function membersByResidence(
	db: Db,
	audience: Audience,
	origin?: string
): Promise<Record<string, number>> {
	const { facets, listed } = audienceScope(audience);
	const fromOrigin = origin ? sql`and ${facets} @> array[${`origin:${origin}`}]::text[]` : sql``;
	const rows = rowsOf<{ code: string; n: number }>(
		await db.execute(sql`
			select substr(f, 5) as code, count(*)::int as n
			from member_profile, unnest(${facets}) as f
			where ${listed} and f like 'res:%' ${fromOrigin}
			group by 1`)
	);
	return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
}
