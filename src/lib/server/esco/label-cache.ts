import type { Db } from '../db/client.ts';

/**
 * Labels already read, by language and URI (null: no label). ESCO changes only when an operator
 * imports a new version (importEsco and seedEsco forget them); a few minutes bound what another
 * instance can show from before an import. Every directory page shows labels: this saves it a
 * query.
 */
const LABEL_TTL_MS = 10 * 60_000;
const LABEL_LIMIT = 20_000;
const knownByDb = new WeakMap<
	Db,
	{ since: number; generation: number; labels: Map<string, string | null> }
>();
let generation = 0;

/** Forgets every label read, in every database this process opened. */
export function forgetEscoLabels() {
	generation++;
}

export function knownLabels(db: Db) {
	let known = knownByDb.get(db);
	if (
		!known ||
		known.generation !== generation ||
		Date.now() - known.since > LABEL_TTL_MS ||
		known.labels.size > LABEL_LIMIT
	) {
		known = { since: Date.now(), generation, labels: new Map() };
		knownByDb.set(db, known);
	}
	return known.labels;
}
