import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ServiceTexts } from '#lib/services/service-form.ts';
import { searchKey } from '../search/normalise.ts';
import { findPlace, timeZoneAt } from '../places/find-place.ts';
import type { HsdsLocation, HsdsService, HsdsServiceAtLocation } from './hsds-types.ts';
import { openingsFrom } from './openings.ts';
import type { Tx } from '../db/types.ts';
import type { Db } from '../db/client.ts';
import {
	service,
	serviceAtLocation,
	serviceLocation,
	serviceOpening,
	taxonomyTerm
} from './schema.ts';

/** The columns to write when the row exists already (everything but the keys). */
function omit<T extends object, K extends keyof T>(values: T, keys: K[]): Omit<T, K> {
	return Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k as K))) as Omit<
		T,
		K
	>;
}

/** A stable short code for the share link, derived from the id (re-imports keep their links). */
export function shortCodeFor(id: string) {
	return createHash('sha256').update(id).digest('base64url').replace(/[-_]/g, '').slice(0, 8);
}

/** Is this HSDS service free? An explicit cost option with an amount says no; "free" says yes. */
export function isFree(doc: HsdsService): boolean {
	const costs = doc.cost_options ?? [];
	if (costs.some((c) => typeof c.amount === 'number' && c.amount > 0)) return false;
	if (costs.some((c) => c.amount === 0)) return true;
	const fees = `${doc.fees_description ?? ''} ${String(doc.fees ?? '')}`.toLowerCase();
	return /\b(free|gratuit|gratuita|gratis|no cost)\b|مجان/.test(fees);
}

export function languageCodes(doc: { languages?: { code?: string | null }[] }) {
	return [
		...new Set(
			(doc.languages ?? [])
				.map((l) => (l.code ?? '').toLowerCase().split('-')[0])
				.filter((c) => /^[a-z]{2,3}$/.test(c))
		)
	];
}

export function termIdsOf(doc: HsdsService) {
	return [
		...new Set(
			(doc.attributes ?? [])
				.map((a) => a.taxonomy_term_id ?? (a.taxonomy_term as { id?: string } | undefined)?.id)
				.filter((id): id is string => !!id)
		)
	];
}

export type StoredServiceInput = {
	doc: HsdsService;
	organisationId: string;
	contentLocale?: string;
	translations?: Record<string, Partial<ServiceTexts>>;
	published: boolean;
	createdBy?: string | null;
	verifiedAt?: Date | null;
};

/** Writes a service and everything derived from its HSDS document (search, facets, openings). */
export async function storeService(tx: Tx, input: StoredServiceInput) {
	const { doc } = input;
	const termIds = termIdsOf(doc);
	const labels = termIds.length
		? await tx
				.select({ name: taxonomyTerm.name, labels: taxonomyTerm.labels })
				.from(taxonomyTerm)
				.where(inArray(taxonomyTerm.id, termIds))
		: [];
	const translations = input.translations ?? {};
	const words = [
		doc.name,
		doc.alternate_name,
		doc.description,
		doc.eligibility_description,
		...Object.values(translations).flatMap((t) => [t.name, t.description, t.eligibility]),
		...labels.flatMap((l) => [l.name, ...Object.values(l.labels)])
	]
		.filter(Boolean)
		.join(' ');
	const verifiedAt = input.verifiedAt ?? (doc.assured_date ? new Date(doc.assured_date) : null);
	const values = {
		id: doc.id,
		organisationId: input.organisationId,
		status: doc.status,
		name: doc.name,
		doc,
		contentLocale: input.contentLocale ?? 'en',
		translations,
		published: input.published,
		verifiedAt: verifiedAt && !Number.isNaN(verifiedAt.getTime()) ? verifiedAt : null,
		termIds,
		languages: languageCodes(doc),
		free: isFree(doc),
		minimumAge: doc.minimum_age ?? null,
		maximumAge: doc.maximum_age ?? null,
		nameKey: searchKey(`${doc.name} ${doc.alternate_name ?? ''}`),
		search: sql`to_tsvector('simple', ${searchKey(words).slice(0, 20000)})` as never,
		shortCode: shortCodeFor(doc.id),
		createdBy: input.createdBy ?? null,
		updatedAt: doc.last_modified ? new Date(doc.last_modified) : new Date()
	};
	const update = omit(values, ['id', 'shortCode', 'createdBy']);
	await tx.insert(service).values(values).onConflictDoUpdate({ target: service.id, set: update });
}

/**
 * Where a location is: its own coordinates, else its town's from the gazetteer (approximate), else
 * nowhere (`null`), which a place search cannot find: saveLocation refuses it, imports report it.
 */
export async function locate(tx: Tx, doc: HsdsLocation) {
	if (typeof doc.latitude === 'number' && typeof doc.longitude === 'number')
		return { latitude: doc.latitude, longitude: doc.longitude, approximate: false };
	const address = doc.addresses?.[0];
	if (!address?.city) return null;
	const town = await findPlace(tx, address.city, { country: address.country?.toUpperCase() });
	return town ? { latitude: town.latitude, longitude: town.longitude, approximate: true } : null;
}

/**
 * Writes a location and its derived coordinates, city and time zone. Without coordinates it is put
 * at its town's centre, marked approximate. A `null` time zone is the one at its coordinates.
 * Returns where it was put (null: nowhere).
 */
export async function storeLocation(
	tx: Tx,
	input: { doc: HsdsLocation; organisationId: string | null; timeZone: string | null }
) {
	const { doc } = input;
	const address = doc.addresses?.[0];
	const point = await locate(tx, doc);
	const values = {
		id: doc.id,
		organisationId: input.organisationId,
		name: doc.name ?? '',
		doc,
		latitude: point?.latitude ?? null,
		longitude: point?.longitude ?? null,
		approximate: point?.approximate ?? false,
		city: address?.city ?? null,
		cityKey: address?.city ? searchKey(address.city) : null,
		country: address?.country?.toUpperCase() ?? null,
		timeZone: input.timeZone ?? (point && timeZoneAt(point.latitude, point.longitude)) ?? 'UTC',
		updatedAt: new Date()
	};
	const update = omit(values, ['id']);
	await tx
		.insert(serviceLocation)
		.values(values)
		.onConflictDoUpdate({ target: serviceLocation.id, set: update });
	await tx
		.update(serviceAtLocation)
		.set({ latitude: values.latitude, longitude: values.longitude })
		.where(eq(serviceAtLocation.locationId, doc.id));
	return point;
}

/** Links a service to a location (HSDS service_at_location). */
export async function storeServiceAtLocation(tx: Tx, doc: HsdsServiceAtLocation) {
	const locationId = doc.location_id as string;
	// The location's coordinates are copied in the same statement (distance search reads them here).
	const coordinate = (column: 'latitude' | 'longitude') =>
		sql<
			number | null
		>`(select ${sql.identifier(column)} from service_location where id = ${locationId})`;
	const values = {
		id: doc.id,
		serviceId: doc.service_id as string,
		locationId,
		doc,
		latitude: coordinate('latitude'),
		longitude: coordinate('longitude'),
		updatedAt: new Date()
	};
	const update = omit(values, ['id']);
	await tx
		.insert(serviceAtLocation)
		.values(values)
		.onConflictDoUpdate({ target: serviceAtLocation.id, set: update });
}

/**
 * Recomputes a service's opening intervals: each service_at_location uses its own schedules, else
 * the service's, else the location's, in the location's time zone; a service without locations
 * uses its own schedules in `defaultZone`.
 */
export async function refreshOpenings(tx: Tx, serviceId: string, defaultZone = 'UTC') {
	const [row] = await tx
		.select({ doc: service.doc })
		.from(service)
		.where(eq(service.id, serviceId));
	if (!row) return;
	const links = await tx
		.select({
			doc: serviceAtLocation.doc,
			location: serviceLocation.doc,
			timeZone: serviceLocation.timeZone
		})
		.from(serviceAtLocation)
		.innerJoin(serviceLocation, eq(serviceLocation.id, serviceAtLocation.locationId))
		.where(eq(serviceAtLocation.serviceId, serviceId));
	const own = row.doc.schedules ?? [];
	const openings = links.length
		? links.flatMap((l) => {
				const schedules = l.doc.schedules?.length
					? l.doc.schedules
					: own.length
						? own
						: (l.location.schedules ?? []);
				return openingsFrom(schedules, l.timeZone);
			})
		: openingsFrom(own, defaultZone);
	await tx.delete(serviceOpening).where(eq(serviceOpening.serviceId, serviceId));
	if (openings.length)
		await tx.insert(serviceOpening).values(openings.map((o) => ({ serviceId, ...o })));
}

/**
 * Puts every stored location that has a town but no coordinates at its town's centre (the places
 * saved before the gazetteer existed): run at start-up, a no-op once all are placed. Returns how
 * many were placed.
 */
export async function locateUnplacedLocations(db: Db) {
	const rows = await db
		.select({
			doc: serviceLocation.doc,
			organisationId: serviceLocation.organisationId,
			timeZone: serviceLocation.timeZone
		})
		.from(serviceLocation)
		.where(and(isNull(serviceLocation.latitude), isNotNull(serviceLocation.city)));
	let placed = 0;
	for (const r of rows) if (await db.transaction((tx) => storeLocation(tx, r))) placed++;
	return placed;
}
