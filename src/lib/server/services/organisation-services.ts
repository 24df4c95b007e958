import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { publicOrganisation } from '../organisations/public.ts';
import { service, serviceLocation } from './schema.ts';
import { textsFor } from './service-texts.ts';
import { LISTED_STATUSES } from './search-services.ts';

/** An organisation's services as its staff list them, published or not, by name. */
export async function organisationServices(db: Db, organisationId: string) {
	return db
		.select({
			id: service.id,
			name: service.name,
			published: service.published,
			reviewState: service.reviewState,
			reviewNote: service.reviewNote,
			verifiedAt: service.verifiedAt,
			status: service.status
		})
		.from(service)
		.where(eq(service.organisationId, organisationId))
		.orderBy(asc(service.name));
}

/**
 * What the public sees of an organisation's services: published, still offered, by name; nothing
 * while the organisation is pending or rejected.
 */
export async function publishedServicesOf(db: Db, organisationId: string, locale: string) {
	const rows = await db
		.select({
			id: service.id,
			doc: service.doc,
			contentLocale: service.contentLocale,
			translations: service.translations
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(
			and(
				eq(service.organisationId, organisationId),
				publicOrganisation(),
				eq(service.published, true),
				inArray(service.status, LISTED_STATUSES)
			)
		)
		.orderBy(asc(service.name))
		.limit(100);
	return rows.map((r) => {
		const texts = textsFor(r, locale);
		return { id: r.id, name: texts.name, language: texts.language };
	});
}

export async function organisationLocations(db: Db, organisationId: string) {
	return db
		.select({
			id: serviceLocation.id,
			name: serviceLocation.name,
			city: serviceLocation.city,
			doc: serviceLocation.doc,
			timeZone: serviceLocation.timeZone
		})
		.from(serviceLocation)
		.where(eq(serviceLocation.organisationId, organisationId))
		.orderBy(asc(serviceLocation.name));
}
