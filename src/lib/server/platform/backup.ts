import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Storage } from './storage.ts';
import { rowsOf } from '../db/rows.ts';

/**
 * One portable backup file for both database modes: gzip'd JSON lines — a header, then every row of
 * every table (as PostgreSQL's own `row_to_json`), then every stored file. Restoring reads rows back
 * with `json_populate_recordset`, so types round-trip exactly; the same file moves a pilot from the
 * embedded database to PostgreSQL.
 */
export const BACKUP_FORMAT = 'passerelle-backup/1';
const PAGE = 500;

type Header = { format: string; createdAt: string; migrations: number; tables: string[] };
type Line = Header | { table: string; rows: unknown[] } | { file: string; data: string };

/** Tables of the public schema, parents before children (foreign keys). */
async function tablesInOrder(db: Db) {
	const tables = rowsOf<{ name: string }>(
		await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public'`)
	).map((r) => r.name);
	const edges = rowsOf<{ child: string; parent: string }>(
		await db.execute(sql`
			select c.relname as child, p.relname as parent
			from pg_constraint k
			join pg_class c on c.oid = k.conrelid
			join pg_class p on p.oid = k.confrelid
			join pg_namespace n on n.oid = c.relnamespace
			where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`)
	);
	const ordered: string[] = [];
	const seen = new Set<string>();
	const visit = (t: string, path: Set<string>) => {
		if (seen.has(t)) return;
		if (path.has(t)) throw new Error(`backup: foreign keys loop through ${t}`);
		path.add(t);
		for (const e of edges) if (e.child === t) visit(e.parent, path);
		path.delete(t);
		seen.add(t);
		ordered.push(t);
	};
	for (const t of tables.sort()) visit(t, new Set());
	return ordered;
}

async function migrationCount(db: Db) {
	const [row] = rowsOf<{ n: number }>(
		await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
	);
	return Number(row.n);
}

async function primaryKeyOrder(db: Db, table: string) {
	const cols = rowsOf<{ col: string }>(
		await db.execute(sql`
			select a.attname as col from pg_index i
			join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
			where i.indrelid = ${`public.${table}`}::regclass and i.indisprimary
			order by array_position(i.indkey, a.attnum)`)
	).map((r) => r.col);
	return cols.length ? cols.map((c) => `"${c}"`).join(', ') : 'ctid';
}

export type BackupCounts = { tables: Record<string, number>; files: number };

/** Writes the backup to `file` (through a temporary name, so a crash never leaves half a backup). */
export async function backup(
	deps: { db: Db; storage: Storage },
	file: string
): Promise<BackupCounts> {
	const tmp = `${file}.${process.pid}.partial`;
	const gzip = createGzip();
	const out = createWriteStream(tmp);
	gzip.pipe(out);
	const write = async (line: Line) => {
		if (!gzip.write(JSON.stringify(line) + '\n')) await once(gzip, 'drain');
	};
	const counts: BackupCounts = { tables: {}, files: 0 };
	try {
		// One snapshot for every table: what is read is one consistent moment.
		await deps.db.transaction(async (tx) => {
			await tx.execute(sql`set transaction isolation level repeatable read, read only`);
			const db = tx as unknown as Db;
			const tables = await tablesInOrder(db);
			await write({
				format: BACKUP_FORMAT,
				createdAt: new Date().toISOString(),
				migrations: await migrationCount(db),
				tables
			});
			for (const table of tables) {
				const order = await primaryKeyOrder(db, table);
				counts.tables[table] = 0;
				for (let offset = 0; ; offset += PAGE) {
					const [row] = rowsOf<{ rows: unknown[] | null }>(
						await db.execute(
							sql.raw(
								`select json_agg(t) as rows from (select * from "${table}" order by ${order} limit ${PAGE} offset ${offset}) t`
							)
						)
					);
					const rows = row.rows ?? [];
					if (!rows.length) break;
					counts.tables[table] += rows.length;
					await write({ table, rows });
					if (rows.length < PAGE) break;
				}
			}
		});
		for await (const key of deps.storage.list()) {
			const data = await deps.storage.get(key);
			if (!data) continue;
			await write({ file: key, data: data.toString('base64') });
			counts.files++;
		}
		gzip.end();
		await once(out, 'close');
		await rename(tmp, file);
		return counts;
	} catch (error) {
		gzip.destroy();
		out.destroy();
		await rm(tmp, { force: true });
		throw error;
	}
}

export class BackupError extends Error {}

/**
 * Replaces everything in the database (and adds the files) with the backup, in one transaction:
 * a bad or foreign file changes nothing. The database must be at the backup's migration level.
 */
export async function restore(
	deps: { db: Db; storage: Storage },
	file: string
): Promise<BackupCounts> {
	const lines = readLines(file);
	const iterator = lines[Symbol.asyncIterator]();
	const counts: BackupCounts = { tables: {}, files: 0 };
	try {
		const first = await iterator.next();
		const header = (first.done ? null : JSON.parse(first.value)) as Header | null;
		if (!header || header.format !== BACKUP_FORMAT)
			throw new BackupError(`${file} is not a Passerelle backup`);
		await deps.db.transaction(async (tx) => {
			const db = tx as unknown as Db;
			const expected = await migrationCount(db);
			if (header.migrations !== expected)
				throw new BackupError(
					`the backup was made at migration ${header.migrations}; this version is at ${expected}`
				);
			const tables = await tablesInOrder(db);
			const unknown = header.tables.filter((t) => !tables.includes(t));
			if (unknown.length) throw new BackupError(`unknown tables in backup: ${unknown.join(', ')}`);
			await db.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} cascade`));
			// Rows come back exactly as they were saved, derived tables included: the triggers that
			// keep those in step must not run again (the table owner may do this; no superuser needed).
			for (const t of tables) await db.execute(sql.raw(`alter table "${t}" disable trigger user`));
			for (const t of header.tables) counts.tables[t] = 0;
			for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
				const line = JSON.parse(next.value) as Line;
				if ('table' in line) {
					if (!tables.includes(line.table)) throw new BackupError(`unknown table ${line.table}`);
					await db.execute(
						sql`${sql.raw(`insert into "${line.table}" select * from json_populate_recordset(null::"${line.table}", `)}${JSON.stringify(line.rows)}::json)`
					);
					counts.tables[line.table] += line.rows.length;
				}
			}
			for (const t of tables) await db.execute(sql.raw(`alter table "${t}" enable trigger user`));
			await resetSequences(db);
		});
	} catch (error) {
		if (error instanceof SyntaxError || (error as { code?: string }).code === 'Z_DATA_ERROR')
			throw new BackupError(`${file} is damaged: ${(error as Error).message}`);
		throw error;
	} finally {
		lines.close();
	}
	// Files after the rows are in: a second read, so memory stays flat whatever the backup's size.
	for await (const line of readLines(file)) {
		const entry = JSON.parse(line) as Line;
		if (!('file' in entry)) continue;
		await deps.storage.put(entry.file, Buffer.from(entry.data, 'base64'));
		counts.files++;
	}
	return counts;
}

function readLines(file: string) {
	const input = createReadStream(file);
	const gunzip = input.pipe(createGunzip());
	const lines = createInterface({ input: gunzip, crlfDelay: Infinity });
	lines.on('close', () => {
		gunzip.destroy();
		input.destroy();
	});
	return lines;
}

/** Serial columns continue after the restored rows. */
async function resetSequences(db: Db) {
	const serials = rowsOf<{ t: string; c: string; s: string }>(
		await db.execute(sql`
			select c.table_name as t, c.column_name as c,
				pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as s
			from information_schema.columns c
			where c.table_schema = 'public' and c.column_default like 'nextval(%'`)
	);
	for (const { t, c, s } of serials) {
		if (!s) continue;
		await db.execute(
			sql.raw(`select setval('${s}', coalesce((select max("${c}") from "${t}"), 0) + 1, false)`)
		);
	}
}
