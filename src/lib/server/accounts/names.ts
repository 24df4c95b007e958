import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { user } from './schema.ts';

/** The names of these accounts, by id (one query; none for an empty list). */
export async function namesOf(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
	const wanted = [...new Set(ids)];
	if (!wanted.length) return new Map();
	const rows = await db
		.select({ id: user.id, name: user.name })
		.from(user)
		.where(inArray(user.id, wanted));
	return new Map(rows.map((r) => [r.id, r.name]));
}
