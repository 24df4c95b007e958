import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** UN DESA International Migrant Stock 2020: persons born in `origin` living in `destination`. */
export const migrantStock = pgTable(
	'migrant_stock',
	{
		year: integer('year').notNull(),
		origin: text('origin').notNull(),
		destination: text('destination').notNull(),
		total: integer('total').notNull(),
		male: integer('male').notNull(),
		female: integer('female').notNull()
	},
	(t) => [primaryKey({ columns: [t.year, t.origin, t.destination] })]
);
