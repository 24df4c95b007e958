import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from './schema.ts';

/** Which of these accounts are example people of the demo content (one indexed lookup). */
export async function demoUserIds(db: Db, ids: string[]): Promise<Set<string>> {
	if (!ids.length) return new Set();
	const rows = await db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.demo, true), inArray(user.id, ids)));
	return new Set(rows.map((r) => r.id));
}
