import { DEFAULT_TAXONOMY, DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import type { Db } from '../db/client.ts';
import { taxonomy, taxonomyTerm } from './schema.ts';

/** The default taxonomy of migrant services, written (or refreshed) on every start; cheap and idempotent. */
export async function seedTaxonomy(db: Db) {
	await db.transaction(async (tx) => {
		await tx
			.insert(taxonomy)
			.values({ ...DEFAULT_TAXONOMY })
			.onConflictDoNothing();
		await tx
			.insert(taxonomyTerm)
			.values(
				DEFAULT_TERMS.map((t) => ({
					id: t.id,
					taxonomyId: DEFAULT_TAXONOMY.id,
					code: t.code,
					name: t.labels.en,
					description: t.labels.en,
					language: 'en',
					labels: t.labels
				}))
			)
			.onConflictDoNothing();
	});
}
