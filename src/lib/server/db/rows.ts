/** The rows of `db.execute`: both drivers answer `{ rows }`, which Drizzle's shared `Db` type leaves loose. */
export function rowsOf<T>(result: unknown): T[] {
	return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
