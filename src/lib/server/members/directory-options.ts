import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

type Options = { origins: string[]; residences: string[]; languages: string[] };
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Options }>();

/**
 * The filter choices worth offering: countries and languages that some visible profile has. Offering
 * all 250 countries twice would cost more bytes than the rest of the page; this list is cached for a
 * minute per audience, since it only changes when profiles do.
 */
export async function directoryOptions(db: Db, audience: 'public' | 'members'): Promise<Options> {
	const hit = cache.get(audience);
	if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
	const column = audience === 'public' ? sql`facets_public` : sql`facets_members`;
	const listed = audience === 'public' ? sql`array['public']` : sql`array['public','members']`;
	const result = await db.execute<{ facet: string }>(sql`
		select distinct f as facet from member_profile, unnest(${column}) as f
		where listed = any(${listed}) and (f like 'origin:%' or f like 'res:%' or f like 'lang:%')`);
	const rows = (
		Array.isArray(result) ? result : (result as { rows: { facet: string }[] }).rows
	) as { facet: string }[];
	const pick = (prefix: string) =>
		rows.filter((r) => r.facet.startsWith(prefix)).map((r) => r.facet.slice(prefix.length));
	const value = { origins: pick('origin:'), residences: pick('res:'), languages: pick('lang:') };
	cache.set(audience, { at: Date.now(), value });
	return value;
}

export function forgetDirectoryOptions() {
	cache.clear();
}
