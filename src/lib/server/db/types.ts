import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL full-text vector; written with to_tsvector('simple', unaccent(...)) by the modules. */
export const tsvector = customType<{ data: string }>({
	dataType() {
		return 'tsvector';
	}
});
