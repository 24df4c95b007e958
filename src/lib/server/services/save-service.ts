import { randomUUID } from 'node:crypto';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { serviceForm, locationForm, type ServiceTexts } from '#lib/services/service-form.ts';
import type { FieldErrors } from '#lib/accounts/schemas.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import type { HsdsService } from './hsds-types.ts';
import { canService, isCurator } from './policy.ts';
import { worksIn } from '../organisations/access.ts';
import { service, serviceAtLocation, serviceLocation, taxonomyTerm } from './schema.ts';
import { locationDocFrom, serviceDocFrom } from './service-doc.ts';
import { refreshOpenings, storeLocation, storeService, storeServiceAtLocation } from './store.ts';
import { findPlace } from '../places/find-place.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { Tx } from '../db/types.ts';

/** A version of a service as a provider proposed it; applied as is when a curator approves. */
export type ServiceVersion = {
	doc: HsdsService;
	contentLocale: string;
	translations: Record<string, Partial<ServiceTexts>>;
	locationIds: string[];
};

type Saved = { id: string; published: boolean; pending: boolean };

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldErrors {
	const errors: FieldErrors = {};
	for (const i of error.issues) errors[i.path.map(String).join('.') || 'form'] ??= i.message;
	return errors;
}

/** Writes a version: the service, its links to locations (added, kept, removed) and openings. */
export async function applyVersion(
	tx: Tx,
	id: string,
	organisationId: string,
	version: ServiceVersion,
	opts: {
		published: boolean;
		verifiedAt?: Date | null;
		createdBy?: string | null;
		timeZone: string;
	}
) {
	await storeService(tx, {
		doc: version.doc,
		organisationId,
		contentLocale: version.contentLocale,
		translations: version.translations,
		published: opts.published,
		verifiedAt: opts.verifiedAt,
		createdBy: opts.createdBy
	});
	const existing = await tx
		.select({ id: serviceAtLocation.id, locationId: serviceAtLocation.locationId })
		.from(serviceAtLocation)
		.where(eq(serviceAtLocation.serviceId, id));
	const kept = new Map(existing.map((e) => [e.locationId, e.id]));
	if (version.locationIds.length)
		await tx
			.delete(serviceAtLocation)
			.where(
				and(
					eq(serviceAtLocation.serviceId, id),
					notInArray(serviceAtLocation.locationId, version.locationIds)
				)
			);
	else await tx.delete(serviceAtLocation).where(eq(serviceAtLocation.serviceId, id));
	for (const locationId of version.locationIds)
		await storeServiceAtLocation(tx, {
			id: kept.get(locationId) ?? randomUUID(),
			service_id: id,
			location_id: locationId
		});
	await refreshOpenings(tx, id, opts.timeZone);
}

/**
 * A provider creates or edits a service of their organisation. New services wait for a curator
 * before the public sees them; edits to a published service are kept as a proposal while the
 * published version stays visible. A curator's own edits are published at once.
 */
export async function saveService(
	db: Db,
	actor: Actor,
	target: { organisationId: string; serviceId: string | null },
	raw: unknown,
	opts: { timeZone: string; now?: Date }
): Promise<Result<Saved>> {
	if (!actor || !canService(actor, 'edit', null, await worksIn(db, actor, target.organisationId)))
		return failure('forbidden');
	const parsed = serviceForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', issues(parsed.error));
	const input = parsed.data;
	const now = opts.now ?? new Date();
	const known = await db
		.select({ id: taxonomyTerm.id })
		.from(taxonomyTerm)
		.where(inArray(taxonomyTerm.id, input.termIds));
	if (known.length !== input.termIds.length)
		return failure('invalid', { termIds: 'error_service_need_required' });
	if (input.locationIds.length) {
		const own = await db
			.select({ id: serviceLocation.id })
			.from(serviceLocation)
			.where(
				and(
					inArray(serviceLocation.id, input.locationIds),
					eq(serviceLocation.organisationId, target.organisationId)
				)
			);
		if (own.length !== new Set(input.locationIds).size)
			return failure('invalid', { locationIds: 'error_service_reference_invalid' });
	}
	const curator = isCurator(actor);
	return db.transaction(async (tx): Promise<Result<Saved>> => {
		const [row] = target.serviceId
			? await tx.select().from(service).where(eq(service.id, target.serviceId))
			: [];
		if (target.serviceId && (!row || row.organisationId !== target.organisationId))
			return failure('not_found');
		const id = row?.id ?? randomUUID();
		// A provider continues from their own pending proposal, not from the published version.
		const base = (row?.pending as ServiceVersion | null) ?? (row ? currentVersion(row) : null);
		const contentLocale = base?.contentLocale ?? input.locale;
		const textsInDoc = input.locale === contentLocale;
		const doc = serviceDocFrom(input, base?.doc ?? null, {
			id,
			organisationId: target.organisationId,
			textsInDoc,
			now
		});
		const translations = { ...(base?.translations ?? {}) };
		if (!textsInDoc) translations[input.locale] = input.texts;
		const version: ServiceVersion = {
			doc,
			contentLocale,
			translations,
			locationIds: input.locationIds
		};
		let published = row?.published ?? false;
		let pending = false;
		if (curator) {
			published = true;
			await applyVersion(tx, id, target.organisationId, version, {
				published,
				verifiedAt: now,
				createdBy: actor.id,
				timeZone: opts.timeZone
			});
			await tx
				.update(service)
				.set({ pending: null, reviewState: 'none', reviewNote: null })
				.where(eq(service.id, id));
		} else if (!row || !row.published) {
			await applyVersion(tx, id, target.organisationId, version, {
				published: false,
				verifiedAt: row?.verifiedAt ?? null,
				createdBy: row ? undefined : actor.id,
				timeZone: opts.timeZone
			});
			await tx
				.update(service)
				.set({ pending: null, reviewState: 'pending' })
				.where(eq(service.id, id));
			pending = true;
		} else {
			await tx
				.update(service)
				.set({ pending: version, reviewState: 'pending' })
				.where(eq(service.id, id));
			pending = true;
		}
		await writeAudit(tx, {
			actorId: actor.id,
			action: row ? 'service.update' : 'service.create',
			subjectType: 'service',
			subjectId: id,
			detail: { locale: input.locale, pending }
		});
		return ok({ id, published, pending });
	});
}

export function currentVersion(
	row: {
		doc: HsdsService;
		contentLocale: string;
		translations: Record<string, Partial<ServiceTexts>>;
	},
	locationIds: string[] = []
): ServiceVersion {
	return {
		doc: row.doc,
		contentLocale: row.contentLocale,
		translations: row.translations,
		locationIds
	};
}

/** Staff add or edit a location of their organisation; services there get their openings again. */
export async function saveLocation(
	db: Db,
	actor: Actor,
	target: { organisationId: string; locationId: string | null },
	raw: unknown,
	opts: { timeZone: string }
): Promise<Result<{ id: string }>> {
	if (!actor || !canService(actor, 'edit', null, await worksIn(db, actor, target.organisationId)))
		return failure('forbidden');
	const parsed = locationForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', issues(parsed.error));
	// A place search must be able to find it: its coordinates, or its town's.
	const { latitude, longitude, city, country } = parsed.data;
	if ((latitude === null) !== (longitude === null))
		return failure('invalid', { latitude: 'error_location_coordinates_invalid' });
	if (latitude === null && !(await findPlace(db, city, { country })))
		return failure('invalid', { city: 'error_location_town_unknown' });
	return db.transaction(async (tx): Promise<Result<{ id: string }>> => {
		const [row] = target.locationId
			? await tx.select().from(serviceLocation).where(eq(serviceLocation.id, target.locationId))
			: [];
		if (target.locationId && (!row || row.organisationId !== target.organisationId))
			return failure('not_found');
		const id = row?.id ?? randomUUID();
		const doc = locationDocFrom(parsed.data, row?.doc ?? null, {
			id,
			organisationId: target.organisationId
		});
		await storeLocation(tx, {
			doc,
			organisationId: target.organisationId,
			timeZone: parsed.data.timeZone || null
		});
		const linked = await tx
			.select({ serviceId: serviceAtLocation.serviceId })
			.from(serviceAtLocation)
			.where(eq(serviceAtLocation.locationId, id));
		for (const l of linked) await refreshOpenings(tx, l.serviceId, opts.timeZone);
		await writeAudit(tx, {
			actorId: actor.id,
			action: row ? 'location.update' : 'location.create',
			subjectType: 'location',
			subjectId: id
		});
		return ok({ id });
	});
}
