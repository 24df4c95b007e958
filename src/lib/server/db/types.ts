import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL full-text vector; written with to_tsvector('simple', unaccent(...)) by the modules. */
export const tsvector = customType<{ data: string }>({
	dataType() {
		return 'tsvector';
	}
});

/** A database handle or an open transaction: operations that write several rows take either. */
export type Tx =
	Parameters<Parameters<import('./client.ts').Db['transaction']>[0]>[0] | import('./client.ts').Db;
