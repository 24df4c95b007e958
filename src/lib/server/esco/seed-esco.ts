import path from 'node:path';
import type { Db } from '../db/client.ts';
import { setting } from '../platform/schema.ts';
import { escoConcept } from './schema.ts';
import { forgetEscoLabels } from './label-cache.ts';
import { importEsco, type ImportEscoCounts, type ImportEscoFailure } from './import-esco.ts';

export const ESCO_SAMPLE = 'esco-1.1.1-sample';

/** The shipped sample, found from the working directory like the migrations (the build moves code). */
export function escoSampleDir() {
	return path.resolve(process.env.STATIC_DATA_DIR ?? 'static-data', ESCO_SAMPLE);
}

export type SeedEscoResult =
	{ ok: true; seeded: false } | ({ ok: true; seeded: true } & ImportEscoCounts) | ImportEscoFailure;

/**
 * Loads the shipped ESCO sample once per database; a marker row makes later starts (and other
 * instances starting at the same time, which wait on it) skip it. A database that already holds a
 * full ESCO release keeps it: the older English sample would overwrite its labels.
 */
export async function seedEsco(db: Db, dir = escoSampleDir()): Promise<SeedEscoResult> {
	try {
		const seeded = await db.transaction(async (tx) => {
			const marked = await tx
				.insert(setting)
				.values({
					key: 'esco_seeded',
					value: { source: ESCO_SAMPLE, at: new Date().toISOString() }
				})
				.onConflictDoNothing()
				.returning({ key: setting.key });
			if (!marked.length) return { ok: true, seeded: false } as const;
			const [existing] = await tx.select({ uri: escoConcept.uri }).from(escoConcept).limit(1);
			if (existing) return { ok: true, seeded: false } as const;
			const result = await importEsco(tx, dir);
			// Without the sample, keep no marker so the next start tries again.
			if (!result.ok) throw new SeedFailed(result);
			return { ...result, seeded: true } as const;
		});
		forgetEscoLabels();
		return seeded;
	} catch (error) {
		if (error instanceof SeedFailed) return error.failure;
		throw error;
	}
}

class SeedFailed extends Error {
	readonly failure: ImportEscoFailure;
	// No parameter property: the CLI runs these files with Node's type stripping, which refuses them.
	constructor(failure: ImportEscoFailure) {
		super(failure.message);
		this.failure = failure;
	}
}
