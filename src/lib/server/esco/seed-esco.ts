import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client.ts';
import { setting } from '../platform/schema.ts';
import { escoBroader, escoConcept, escoOccupationSkill } from './schema.ts';
import { BROADER_FILE, importBroader } from './import-broader.ts';
import { importRelations, RELATIONS_FILE } from './import-relations.ts';
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

/**
 * A database seeded before the hierarchy was shipped gets the sample's links once (only those
 * between concepts it holds, so a full release keeps working); returns how many were stored.
 */
export async function seedEscoBroader(db: Db, dir = escoSampleDir()): Promise<number> {
	return db.transaction(async (tx) => {
		const marked = await tx
			.insert(setting)
			.values({
				key: 'esco_broader_seeded',
				value: { source: ESCO_SAMPLE, at: new Date().toISOString() }
			})
			.onConflictDoNothing()
			.returning({ key: setting.key });
		if (!marked.length) return 0;
		const [existing] = await tx.select({ uri: escoBroader.uri }).from(escoBroader).limit(1);
		if (existing) return 0;
		const files = (await readdir(dir).catch(() => [] as string[]))
			.filter((name) => BROADER_FILE.test(name))
			.map((name) => path.join(dir, name));
		return importBroader(tx, files);
	});
}

/**
 * A database seeded before the occupation-skill relations were shipped gets the sample's once
 * (those between concepts it holds); returns how many were stored.
 */
export async function seedEscoRelations(db: Db, dir = escoSampleDir()): Promise<number> {
	return db.transaction(async (tx) => {
		const marked = await tx
			.insert(setting)
			.values({
				key: 'esco_relations_seeded',
				value: { source: ESCO_SAMPLE, at: new Date().toISOString() }
			})
			.onConflictDoNothing()
			.returning({ key: setting.key });
		if (!marked.length) return 0;
		const [existing] = await tx
			.select({ uri: escoOccupationSkill.occupationUri })
			.from(escoOccupationSkill)
			.limit(1);
		if (existing) return 0;
		const files = (await readdir(dir).catch(() => [] as string[]))
			.filter((name) => RELATIONS_FILE.test(name))
			.map((name) => path.join(dir, name));
		return importRelations(tx, files);
	});
}

class SeedFailed extends Error {
	readonly failure: ImportEscoFailure;
	// No parameter property: the CLI runs these files with Node's type stripping, which refuses them.
	constructor(failure: ImportEscoFailure) {
		super(failure.message);
		this.failure = failure;
	}
}
