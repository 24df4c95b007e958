import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import type { ImportIssue } from './bundle.ts';
import { checkBundle } from './check-bundle.ts';
import { withoutInvalid } from './skip-invalid.ts';
import { readHsdsJson } from './read-json.ts';
import { readHsdsTabular } from './read-tabular.ts';
import { writeBundle, type ImportCounts, type WriteOptions } from './write-bundle.ts';

export type { ImportIssue } from './bundle.ts';
export type { ImportCounts } from './write-bundle.ts';

export type ImportHsdsOptions = WriteOptions & {
	/** Import every valid record and list the problems of those left out, instead of refusing all. */
	skipInvalid?: boolean;
};

export type ImportHsdsResult =
	| ({ ok: true; warnings: ImportIssue[]; skipped: ImportIssue[] } & ImportCounts)
	| { ok: false; errors: ImportIssue[]; errorCount: number };

/** At most this many errors are returned; `errorCount` says how many there were. */
export const MAX_ERRORS = 200;

function isTimeZone(zone: string) {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

function failed(errors: ImportIssue[]): ImportHsdsResult {
	return { ok: false, errors: errors.slice(0, MAX_ERRORS), errorCount: errors.length };
}

/**
 * Imports Open Referral HSDS 3.1 data: a JSON file (one object, an array, or a paginated API
 * response) or a tabular package (a directory with datapackage.json and CSV files). Everything is
 * checked first (schemas, then references to the input and the database); with any error nothing
 * is written and every error comes back with its file, row and field. Otherwise everything is
 * written in one transaction, keyed by the HSDS ids: importing again updates the same rows.
 */
export async function importHsds(
	db: Db,
	target: string,
	opts: ImportHsdsOptions = {}
): Promise<ImportHsdsResult> {
	const file = path.basename(target);
	if (opts.timeZone !== undefined && !isTimeZone(opts.timeZone))
		return failed([{ file, field: 'time-zone', message: `${opts.timeZone} is not a time zone` }]);
	const kind = await stat(target).then(
		(s) => (s.isDirectory() ? 'tabular' : s.isFile() ? 'json' : null),
		() => null
	);
	if (!kind) return failed([{ file, message: 'no such file or directory' }]);
	const bundle = kind === 'tabular' ? await readHsdsTabular(target) : await readHsdsJson(target);
	const { issues, known } = await checkBundle(db, bundle);
	if (!issues.length) {
		const counts = await writeBundle(db, bundle, known, opts);
		return { ok: true, ...counts, warnings: bundle.warnings, skipped: [] };
	}
	if (!opts.skipInvalid) return failed(issues);
	// Without the records that have problems (and those that depend on them), if the input can be read.
	const rest = await withoutInvalid(db, bundle);
	if (!rest) return failed(issues);
	const counts = await writeBundle(db, bundle, rest.known, opts);
	return { ok: true, ...counts, warnings: bundle.warnings, skipped: rest.skipped };
}
