import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { canService, isCurator } from './policy.ts';
import { worksIn } from '../organisations/access.ts';
import {
	service,
	serviceAtLocation,
	serviceLocation,
	serviceOpening,
	taxonomyTerm
} from './schema.ts';
import { textsFor } from './service-texts.ts';
import { closedOn, isOpenAt, type Opening } from './openings.ts';
import { hhmm } from '#lib/services/hours.ts';

/**
 * The service behind a short link, when the actor may see it: otherwise null, so a short link of a
 * draft, or of a pending or rejected organisation's service, does not reveal that the service exists.
 */
export async function serviceIdForCode(db: Db, code: string, actor: Actor = null) {
	const [row] = await db
		.select({
			id: service.id,
			organisationId: service.organisationId,
			published: service.published,
			organisationStatus: organisation.status
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(eq(service.shortCode, code.slice(0, 16)));
	if (!row) return null;
	const staff = await worksIn(db, actor, row.organisationId);
	return canService(actor, 'view', row, staff) ? row.id : null;
}

/** Everything the service page shows, or null when the actor may not see it (or it is unknown). */
export async function getService(
	db: Db,
	actor: Actor,
	id: string,
	opts: { locale: string; now?: Date }
) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await db
		.select({
			service,
			organisationName: organisation.name,
			organisationSlug: organisation.slug,
			organisationStatus: organisation.status,
			demo: organisation.demo
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(eq(service.id, id));
	if (!row) return null;
	const staff = await worksIn(db, actor, row.service.organisationId);
	const visibility = {
		published: row.service.published,
		organisationStatus: row.organisationStatus
	};
	if (!canService(actor, 'view', visibility, staff)) return null;
	const s = row.service;
	const [locations, openings, terms] = await Promise.all([
		db
			.select({
				id: serviceLocation.id,
				doc: serviceLocation.doc,
				timeZone: serviceLocation.timeZone,
				latitude: serviceLocation.latitude,
				longitude: serviceLocation.longitude,
				approximate: serviceLocation.approximate
			})
			.from(serviceAtLocation)
			.innerJoin(serviceLocation, eq(serviceLocation.id, serviceAtLocation.locationId))
			.where(eq(serviceAtLocation.serviceId, id))
			.orderBy(asc(serviceLocation.name)),
		db.select().from(serviceOpening).where(eq(serviceOpening.serviceId, id)),
		s.termIds.length
			? db
					.select({ id: taxonomyTerm.id, name: taxonomyTerm.name, labels: taxonomyTerm.labels })
					.from(taxonomyTerm)
					.where(inArray(taxonomyTerm.id, s.termIds))
			: Promise.resolve([])
	]);
	const texts = textsFor(s, opts.locale);
	const now = opts.now ?? new Date();
	return {
		id: s.id,
		shortCode: s.shortCode,
		organisationId: s.organisationId,
		organisationName: row.organisationName,
		organisationSlug: row.organisationSlug,
		organisationStatus: row.organisationStatus,
		demo: row.demo,
		status: s.status,
		published: s.published,
		reviewState: s.reviewState,
		reviewNote: staff || isCurator(actor) ? s.reviewNote : null,
		texts,
		doc: s.doc,
		terms: terms.map((t) => ({ id: t.id, name: t.labels[opts.locale] ?? t.name })),
		languages: s.languages,
		free: s.free,
		minimumAge: s.minimumAge,
		maximumAge: s.maximumAge,
		verifiedAt: s.verifiedAt,
		updatedAt: s.updatedAt,
		openNow: isOpenAt(openings, now),
		closedToday: closedOn(openings, now),
		// Closed dates and hours on dates still to come (or under way), soonest first.
		closures: datedLines(openings, now),
		openings,
		locations,
		staff,
		curator: isCurator(actor)
	};
}

/** The dated openings to come as lines: dates, and the hours of that day (none: closed). */
function datedLines(openings: Opening[], now: Date) {
	const today = now.toISOString().slice(0, 10);
	const lines = new Map<string, { from: string; to: string; hours: string[] }>();
	for (const o of openings) {
		if (o.dow !== 0 || (o.validTo ?? '') < today) continue;
		const from = o.validFrom ?? '';
		const to = o.validTo ?? from;
		const line = lines.get(`${from}|${to}`) ?? { from, to, hours: [] };
		if (o.closes > o.opens) line.hours.push(`${hhmm(o.opens)}–${hhmm(o.closes)}`);
		lines.set(`${from}|${to}`, line);
	}
	return [...lines.values()]
		.map((l) => ({ ...l, hours: [...new Set(l.hours)].sort() }))
		.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
