import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { searchKey } from '../search/normalise.ts';
import { escoConcept } from './schema.ts';
import { forgetEscoLabels } from './label-cache.ts';
import { BROADER_FILE, importBroader } from './import-broader.ts';
import { importRelations, RELATIONS_FILE } from './import-relations.ts';

export type EscoKind = 'occupation' | 'skill';

/** Rows written, one per concept and language, and the languages seen. */
export type ImportEscoCounts = {
	occupations: number;
	skills: number;
	languages: string[];
	/** Links from a concept to the concept it is filed under (import-broader.ts). */
	broader: number;
	/** Skills an occupation needs or may use (import-relations.ts). */
	relations: number;
};

export type ImportEscoFailure = {
	ok: false;
	reason:
		| 'invalid-language'
		| 'not-found'
		| 'no-files'
		| 'missing-columns'
		| 'invalid-csv'
		| 'invalid-row';
	message: string;
	file?: string;
};

export type ImportEscoResult = ({ ok: true } & ImportEscoCounts) | ImportEscoFailure;

export type ImportEscoOptions = {
	/** Language of files without a `_xx` suffix (the sample layout). */
	language?: string;
	batchSize?: number;
};

// occupations.csv (sample) or occupations_fr.csv (official download), optionally gzip-compressed.
// Other files of a release (skillGroups_en.csv, ISCOGroups_en.csv, collections) are not concepts.
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z]{2,4})?$/;
const FILE_NAME = /^(occupations|skills)(?:_([a-z]{2,3}(?:-[a-z]{2,4})?))?\.csv(\.gz)?$/i;

// Headers compared lower-cased without punctuation: ESCOURI (sample) and conceptUri (official).
const COLUMNS = {
	uri: ['escouri', 'concepturi'],
	label: ['preferredlabel'],
	alt: ['altlabels'],
	isco: ['iscogroupcode', 'iscogroup']
} as const;

type EscoFile = { file: string; name: string; kind: EscoKind; language: string };
type Row = typeof escoConcept.$inferInsert;

/** Thrown inside the transaction to roll it back; turned into a result value before returning. */
class ImportAbort extends Error {
	readonly failure: ImportEscoFailure;
	// No parameter property: the CLI runs these files with Node's type stripping, which refuses them.
	constructor(failure: ImportEscoFailure) {
		super(failure.message);
		this.failure = failure;
	}
}

/**
 * Imports ESCO occupations and skills from a directory: the sample shipped in static-data or a full
 * ESCO CSV download in any of its languages. Rows are keyed by (URI, language) and upserted, so
 * importing again updates labels in place. Everything happens in one transaction: a broken file
 * leaves the database as it was.
 */
export async function importEsco(
	db: Db,
	dir: string,
	opts: ImportEscoOptions = {}
): Promise<ImportEscoResult> {
	const language = (opts.language ?? 'en').toLowerCase();
	if (!LANGUAGE.test(language)) {
		return {
			ok: false,
			reason: 'invalid-language',
			message: `${opts.language} is not a language code (en, fr, pt…)`
		};
	}
	const found = await listEscoFiles(dir, language);
	if (!found.ok) return found;
	const batchSize = Math.max(1, opts.batchSize ?? 500);
	try {
		const imported = await db.transaction(async (tx) => {
			const counts = { occupation: 0, skill: 0 };
			for (const f of found.files) counts[f.kind] += await importFile(tx, f, batchSize);
			// After the concepts: a link is kept only when both its ends are concepts.
			const broader = await importBroader(tx, found.broader);
			const relations = await importRelations(tx, found.relations);
			const languages = [...new Set(found.files.map((f) => f.language))].sort();
			return {
				ok: true,
				occupations: counts.occupation,
				skills: counts.skill,
				languages,
				broader,
				relations
			} as const;
		});
		forgetEscoLabels();
		return imported;
	} catch (error) {
		if (error instanceof ImportAbort) return error.failure;
		throw error;
	}
}

async function listEscoFiles(
	dir: string,
	defaultLanguage: string
): Promise<
	{ ok: true; files: EscoFile[]; broader: string[]; relations: string[] } | ImportEscoFailure
> {
	const isDir = await stat(dir).then(
		(s) => s.isDirectory(),
		() => false
	);
	if (!isDir) return { ok: false, reason: 'not-found', message: `${dir} is not a directory` };
	const files: EscoFile[] = [];
	const broader: string[] = [];
	const relations: string[] = [];
	for (const name of (await readdir(dir)).sort()) {
		if (BROADER_FILE.test(name)) broader.push(path.join(dir, name));
		if (RELATIONS_FILE.test(name)) relations.push(path.join(dir, name));
		const m = FILE_NAME.exec(name);
		if (!m) continue;
		files.push({
			file: path.join(dir, name),
			name,
			kind: m[1].toLowerCase() === 'skills' ? 'skill' : 'occupation',
			language: m[2]?.toLowerCase() ?? defaultLanguage
		});
	}
	if (!files.length) {
		return {
			ok: false,
			reason: 'no-files',
			message: `${dir} holds no ESCO files (occupations.csv, skills.csv, occupations_<lang>.csv, skills_<lang>.csv)`
		};
	}
	return { ok: true, files, broader, relations };
}

/** Streams one file into the table in batches; returns how many concepts it held. */
async function importFile(db: Db, f: EscoFile, batchSize: number): Promise<number> {
	const fail = (reason: ImportEscoFailure['reason'], message: string): never => {
		throw new ImportAbort({ ok: false, reason, message: `${f.name}: ${message}`, file: f.file });
	};
	const parser = parse({ bom: true, info: true, skip_empty_lines: true });
	// pipeline() destroys the parser on a read or gunzip error, so the loop below sees it too.
	const stages = f.file.endsWith('.gz')
		? [createReadStream(f.file), createGunzip(), parser]
		: [createReadStream(f.file), parser];
	pipeline(stages, () => {});

	let col: Record<keyof typeof COLUMNS, number> | undefined;
	const seen = new Set<string>();
	// Keyed by URI: one INSERT ... ON CONFLICT cannot touch the same row twice.
	let batch = new Map<string, Row>();
	try {
		for await (const { record, info } of parser as AsyncIterable<{
			record: string[];
			info: { lines: number };
		}>) {
			if (!col) {
				col = columnsOf(record, f.kind) ?? fail('missing-columns', missingMessage(f.kind));
				continue;
			}
			const uri = record[col.uri]?.trim() ?? '';
			if (!/^https?:\/\/\S+$/.test(uri)) fail('invalid-row', `line ${info.lines}: no concept URI`);
			const label = record[col.label]?.trim() ?? '';
			// A translation can lack a concept; the other languages still describe it.
			if (!label) continue;
			batch.set(uri, toRow(uri, f, label, record[col.alt] ?? '', col.isco, record));
			seen.add(uri);
			if (batch.size >= batchSize) {
				await upsert(db, [...batch.values()]);
				batch = new Map();
			}
		}
	} catch (error) {
		if (error instanceof ImportAbort) throw error;
		if (error instanceof CsvError) fail('invalid-csv', error.message);
		const code = (error as { code?: unknown }).code;
		if (typeof code === 'string' && code.startsWith('Z_')) fail('invalid-csv', 'not valid gzip');
		throw error;
	}
	if (!col) fail('missing-columns', `empty file; ${missingMessage(f.kind)}`);
	if (batch.size) await upsert(db, [...batch.values()]);
	return seen.size;
}

function columnsOf(header: string[], kind: EscoKind) {
	const names = header.map((h) => h.toLowerCase().replace(/[^a-z]/g, ''));
	const find = (options: readonly string[]) => names.findIndex((n) => options.includes(n));
	const col = {
		uri: find(COLUMNS.uri),
		label: find(COLUMNS.label),
		alt: find(COLUMNS.alt),
		isco: kind === 'occupation' ? find(COLUMNS.isco) : -1
	};
	return col.uri < 0 || col.label < 0 || col.alt < 0 ? undefined : col;
}

function missingMessage(kind: EscoKind) {
	const isco = kind === 'occupation' ? ' (and optionally ISCOGROUPCODE or iscoGroup)' : '';
	return `needs the columns ESCOURI or conceptUri, PREFERREDLABEL and ALTLABELS${isco}`;
}

function toRow(
	uri: string,
	f: EscoFile,
	label: string,
	altCell: string,
	iscoCol: number,
	record: string[]
): Row {
	// ESCO puts one alternative label per line; the sample repeats the preferred label among them.
	const alt = [...new Set(altCell.split(/\r?\n/).map((a) => a.trim()))].filter(
		(a) => a && a !== label
	);
	const keys = [...new Set([label, ...alt].map(searchKey))].filter(Boolean);
	// Official files hold the 4-digit code; tolerate an ISCO URI ending in it.
	const isco =
		iscoCol >= 0 ? (/(\d{1,4})$/.exec(record[iscoCol]?.trim() ?? '')?.[1] ?? null) : null;
	return {
		uri,
		language: f.language,
		kind: f.kind,
		preferredLabel: label,
		altLabels: alt,
		iscoCode: isco,
		searchKey: keys.join(' | ')
	};
}

async function upsert(db: Db, rows: Row[]) {
	await db
		.insert(escoConcept)
		.values(rows)
		.onConflictDoUpdate({
			target: [escoConcept.uri, escoConcept.language],
			set: {
				kind: sql`excluded.kind`,
				preferredLabel: sql`excluded.preferred_label`,
				altLabels: sql`excluded.alt_labels`,
				iscoCode: sql`excluded.isco_code`,
				searchKey: sql`excluded.search_key`
			}
		});
}
