import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';

/**
 * The planner's statistics, refreshed. PostgreSQL's autovacuum keeps them current by itself; the
 * embedded database runs no background workers, so without this its plans would be made for the
 * tables as they were at the last migration (an empty search index, say) however much they grew.
 * One table at a time, so requests go on between statements.
 */
export async function refreshStatistics(database: Database) {
	if (!database.pglite) return { tables: 0, reason: 'autovacuum' };
	const result = await database.db.execute(
		sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`
	);
	const rows = rowsOf<{ name: string }>(result);
	for (const { name } of rows)
		await database.db.execute(sql.raw(`analyze "${name.replace(/"/g, '""')}"`));
	return { tables: rows.length };
}
