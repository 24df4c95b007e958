import type { Db } from '../../db/client.ts';
import type { Bundle, ImportIssue, Source } from './bundle.ts';
import { checkBundle, type Known } from './check-bundle.ts';

type MapName = 'organizations' | 'services' | 'locations' | 'links' | 'taxonomies' | 'terms';
const MAPS: MapName[] = ['organizations', 'services', 'locations', 'links', 'taxonomies', 'terms'];
type Entry = { map: MapName; id: string; source: Source };

const keyOf = (s: { file: string; row?: number | string }) => `${s.file}\u0000${s.row ?? ''}`;

/**
 * The record an issue belongs to: for a JSON file, the record whose pointer is the longest prefix
 * of the issue's (a bad phone inside a service is the service's); for a CSV row, the record of
 * that row or of the row it was nested under (a phone row under its service). Null when the issue
 * is about the input as a whole (unreadable JSON, a broken CSV).
 */
function blame(b: Bundle, entries: Entry[], bySource: Map<string, Entry>, issue: ImportIssue) {
	if (typeof issue.row === 'number') {
		let row: object | undefined = b.rowsBySource.get(keyOf(issue));
		while (row) {
			const source = b.sources.get(row);
			const entry = source && bySource.get(keyOf(source));
			if (entry) return entry;
			row = b.parents.get(row);
		}
		return null;
	}
	if (issue.row === undefined) return null;
	const pointer = issue.row;
	let best: Entry | null = null;
	for (const e of entries) {
		if (e.source.file !== issue.file || typeof e.source.row !== 'string') continue;
		const at = e.source.row;
		if (pointer !== at && !pointer.startsWith(`${at}/`)) continue;
		if (!best || at.length > String(best.source.row).length) best = e;
	}
	return best;
}

/**
 * Leaves out every record with a problem (and, in turn, what depended on it: a service of a
 * left-out organization, a link to a left-out service) until the rest checks clean. Returns the
 * problems of what was left out, or null when one of them concerns the input as a whole.
 */
export async function withoutInvalid(
	db: Db,
	b: Bundle
): Promise<{ skipped: ImportIssue[]; known: Known } | null> {
	// Blame against every record of the input, left out or not: the problems of a left-out record
	// still show in the documents around it, and must not take those documents with it.
	const entries: Entry[] = MAPS.flatMap((map) =>
		[...b[map].entries()].map(([id, e]) => ({ map, id, source: e.source }))
	);
	const bySource = new Map(entries.map((e) => [keyOf(e.source), e]));
	const dropped = new Set<Entry>();
	const skipped: ImportIssue[] = [];
	const unattached = new Set<string>();
	for (let round = 0; round < 10; round++) {
		const { issues, known } = await checkBundle(db, b);
		const fresh = new Set<Entry>();
		for (const issue of issues) {
			const entry = blame(b, entries, bySource, issue);
			if (!entry) {
				// An item of a JSON list that is no HSDS record at all is simply left out.
				if (typeof issue.row !== 'string' || issue.row === '') return null;
				const key = `${keyOf(issue)}\u0000${issue.message}`;
				if (!unattached.has(key)) skipped.push(issue);
				unattached.add(key);
				continue;
			}
			if (dropped.has(entry)) continue;
			skipped.push(issue);
			fresh.add(entry);
		}
		if (!fresh.size) return { skipped, known };
		for (const e of fresh) {
			b[e.map].delete(e.id);
			dropped.add(e);
		}
	}
	return null;
}
