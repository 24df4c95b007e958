import { and, eq, inArray } from 'drizzle-orm';
import type { SubjectKind } from '#lib/moderation/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { moderationHold } from './schema.ts';

/** Which of these pieces of content moderators hid (one indexed lookup). */
export async function heldIds(db: Db | Tx, kind: SubjectKind, ids: string[]): Promise<Set<string>> {
	if (!ids.length) return new Set();
	const rows = await db
		.select({ id: moderationHold.subjectId })
		.from(moderationHold)
		.where(and(eq(moderationHold.kind, kind), inArray(moderationHold.subjectId, ids)));
	return new Set(rows.map((r) => r.id));
}

export async function isHeld(db: Db | Tx, kind: SubjectKind, id: string) {
	return (await heldIds(db, kind, [id])).has(id);
}
