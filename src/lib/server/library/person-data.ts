import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { resource } from './schema.ts';

/** For export: the resources a person contributed. */
export async function resourcesOfPerson(db: Db, userId: string) {
	return db
		.select({
			title: resource.title,
			description: resource.description,
			language: resource.language,
			url: resource.url,
			file: resource.fileName,
			at: resource.createdAt
		})
		.from(resource)
		.where(eq(resource.contributorId, userId));
}

/**
 * Erasure deletes what a person contributed on their own (an organisation's resources stay, no
 * longer tied to them) and returns the files to remove once the erasure is committed.
 */
export async function eraseResourcesOf(tx: Tx, userId: string) {
	const rows = await tx
		.delete(resource)
		.where(and(eq(resource.contributorId, userId), sql`${resource.organisationId} is null`))
		.returning({ key: resource.fileKey });
	return rows.map((r) => r.key).filter((k): k is string => !!k);
}
