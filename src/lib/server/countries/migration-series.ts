import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';

/** The years of the UN DESA International Migrant Stock 2020. */
export const YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020] as const;

export type YearFigures = { year: number; total: number; male: number; female: number };
export type MigrationSeries = { emigrants: YearFigures[]; immigrants: YearFigures[] };

/**
 * A country's emigrants (born there, living in any other country) and immigrants (born in any other
 * country, living there), per year and by sex. A year without any corridor counts zero.
 */
export async function migrationSeries(db: Db, alpha3: string): Promise<MigrationSeries> {
	const rows = rowsOf<YearFigures & { side: 'emigrants' | 'immigrants' }>(
		await db.execute(sql`
			select case when origin = ${alpha3} then 'emigrants' else 'immigrants' end as side, year,
				sum(total)::bigint as total, sum(male)::bigint as male, sum(female)::bigint as female
			from migrant_stock
			where origin = ${alpha3} or destination = ${alpha3}
			group by 1, 2`)
	);
	const series = (side: string) =>
		YEARS.map((year) => {
			const row = rows.find((r) => r.side === side && Number(r.year) === year);
			return {
				year,
				total: Number(row?.total ?? 0),
				male: Number(row?.male ?? 0),
				female: Number(row?.female ?? 0)
			};
		});
	return { emigrants: series('emigrants'), immigrants: series('immigrants') };
}
