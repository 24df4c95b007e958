import type { Db } from '../db/client.ts';
import { organisation } from './schema.ts';
import { publicOrganisation } from './public.ts';

/** The organisations the home page shows: approved ones only. */
export async function homeOrganisations(db: Db) {
	return db
		.select({
			slug: organisation.slug,
			name: organisation.name,
			description: organisation.description,
			contentLocale: organisation.contentLocale,
			demo: organisation.demo
		})
		.from(organisation)
		.where(publicOrganisation())
		.orderBy(organisation.name)
		.limit(6);
}
