import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { skillEntry } from './schema.ts';

/** A person's skills profile as they download it with the rest of their data. */
export async function skillsOfPerson(db: Db, userId: string) {
	const rows = await db
		.select()
		.from(skillEntry)
		.where(eq(skillEntry.userId, userId))
		.orderBy(asc(skillEntry.kind), asc(skillEntry.createdAt));
	return rows.map(({ userId: _u, ...r }) => (void _u, r));
}
