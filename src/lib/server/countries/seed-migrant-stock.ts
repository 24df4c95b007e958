import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { setting } from '../platform/schema.ts';

export const MIGRANT_STOCK = 'un-desa-migrant-stock-2020';

/** The shipped file, found from the working directory like the migrations (the build moves code). */
export function migrantStockFile() {
	return path.resolve(
		process.env.STATIC_DATA_DIR ?? 'static-data',
		MIGRANT_STOCK,
		'migrant_stock_od.csv.gz'
	);
}

/** The source file's two codes that are not ISO 3166-1 alpha-3 (see its SOURCE.md). */
const CORRECTED: Record<string, string> = { CHI: 'CHL', SUD: 'SDN' };

// Rows go in as six PostgreSQL array literals per statement (unnest): six parameters however many
// rows, so a batch is one round trip on both drivers instead of 75,600 bound parameter sets.
const BATCH = 10_000;

/**
 * Loads the UN DESA International Migrant Stock 2020 once per database; a marker row makes later
 * starts (and other instances starting at the same time, which wait on it) skip it. Marker and rows
 * are one transaction: a failed load leaves no marker, so the next start tries again.
 */
export async function seedMigrantStock(db: Db, file = migrantStockFile()): Promise<number> {
	return db.transaction(async (tx) => {
		const marked = await tx
			.insert(setting)
			.values({
				key: 'migrant_stock_seeded',
				value: { source: MIGRANT_STOCK, at: new Date().toISOString() }
			})
			.onConflictDoNothing()
			.returning({ key: setting.key });
		if (!marked.length) return 0;
		// Read only now: later starts skip the file altogether.
		const rows = parse(gunzipSync(await readFile(file)).toString('utf8'));
		for (let i = 0; i < rows.length; i += BATCH) {
			const batch = rows.slice(i, i + BATCH);
			const column = (n: number) => `{${batch.map((r) => r[n]).join(',')}}`;
			await tx.execute(sql`
				insert into migrant_stock (year, origin, destination, total, male, female)
				select * from unnest(${column(0)}::int[], ${column(1)}::text[], ${column(2)}::text[],
					${column(3)}::int[], ${column(4)}::int[], ${column(5)}::int[])
				on conflict do nothing`);
		}
		return rows.length;
	});
}

type Row = [number, string, string, number, number, number];

/** The file is ours and plain (no quoting): year,origin,destination,total,male,female. */
function parse(csv: string): Row[] {
	const lines = csv.split('\n');
	if (lines[0].trim() !== 'year,origin_iso3,destination_iso3,total,male,female')
		throw new Error(`unexpected header in the migrant stock file: ${lines[0]}`);
	const rows: Row[] = [];
	for (const line of lines.slice(1)) {
		if (!line.trim()) continue;
		const [year, origin, destination, total, male, female] = line.trim().split(',');
		const row: Row = [
			Number(year),
			CORRECTED[origin] ?? origin,
			CORRECTED[destination] ?? destination,
			Number(total),
			Number(male),
			Number(female)
		];
		if (
			!/^[A-Z]{3}$/.test(row[1]) ||
			!/^[A-Z]{3}$/.test(row[2]) ||
			[0, 3, 4, 5].some((n) => !Number.isInteger(row[n]))
		)
			throw new Error(`unreadable line in the migrant stock file: ${line}`);
		rows.push(row);
	}
	return rows;
}
