import { error } from '@sveltejs/kit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { isStaff } from './policy.ts';
import { publicOrganisation } from '../organisations/public.ts';
import { service, serviceAtLocation, serviceLocation } from './schema.ts';
import { currentVersion, type ServiceVersion } from './save-service.ts';
import { baseTexts, textsFor } from './service-texts.ts';
import { LISTED_STATUSES } from './search-services.ts';
import { hoursFrom } from './service-doc.ts';
import { termIdsOf } from './store.ts';
import type { ServiceInput } from '#lib/services/service-form.ts';

/** The organisation behind a management page, for its staff only (404 for everyone else). */
export async function staffOrganisation(db: Db, actor: Actor, slug: string) {
	const [org] = await db
		.select({
			id: organisation.id,
			name: organisation.name,
			slug: organisation.slug,
			status: organisation.status
		})
		.from(organisation)
		.where(eq(organisation.slug, slug.slice(0, 120)));
	if (!org || !(await isStaff(db, actor, org.id))) error(404, 'Not found');
	return org;
}

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

/**
 * The version a provider edits (their pending proposal if any), as the form's values in `asked`,
 * or in the version's own language when no language is asked for.
 */
export async function serviceFormValues(
	db: Db,
	organisationId: string,
	serviceId: string,
	asked: string | null
) {
	const [row] = await db.select().from(service).where(eq(service.id, serviceId));
	if (!row || row.organisationId !== organisationId) return null;
	const links = await db
		.select({ locationId: serviceAtLocation.locationId })
		.from(serviceAtLocation)
		.where(eq(serviceAtLocation.serviceId, serviceId));
	const version: ServiceVersion =
		(row.pending as ServiceVersion | null) ??
		currentVersion(
			row,
			links.map((l) => l.locationId)
		);
	const doc = version.doc;
	const locale = asked ?? version.contentLocale;
	const inDoc = locale === version.contentLocale;
	const base = baseTexts(doc);
	const texts = inDoc ? base : { ...blankTexts(), ...(version.translations[locale] ?? {}) };
	const { hours, note } = hoursFrom(doc.schedules ?? []);
	const values: Omit<ServiceInput, 'minimumAge' | 'maximumAge'> & {
		minimumAge: number | null;
		maximumAge: number | null;
	} = {
		locale: locale as ServiceInput['locale'],
		texts,
		status: doc.status as ServiceInput['status'],
		termIds: termIdsOf(doc),
		languages: (doc.languages ?? []).map((l) => l.code ?? '').filter(Boolean),
		free: row.free,
		minimumAge: doc.minimum_age ?? null,
		maximumAge: doc.maximum_age ?? null,
		url: doc.url ?? '',
		email: doc.email ?? '',
		phone: doc.phones?.[0]?.number ?? '',
		locationIds: version.locationIds,
		hours,
		hoursNote: note
	};
	return { values, contentLocale: version.contentLocale, baseName: base.name, row };
}

export function blankTexts() {
	return {
		name: '',
		description: '',
		eligibility: '',
		applicationProcess: '',
		feesDescription: '',
		interpretation: '',
		documents: ''
	};
}

/** The service form's fields, read from a submitted form (no JavaScript: plain names). */
export function serviceFormData(data: FormData) {
	const text = (k: string) => String(data.get(k) ?? '');
	return {
		locale: text('locale'),
		texts: {
			name: text('name'),
			description: text('description'),
			eligibility: text('eligibility'),
			applicationProcess: text('applicationProcess'),
			feesDescription: text('feesDescription'),
			interpretation: text('interpretation'),
			documents: text('documents')
		},
		status: text('status'),
		termIds: data.getAll('termIds').map(String).slice(0, 50),
		languages: data.getAll('languages').map(String).slice(0, 50),
		free: data.get('free') === 'on',
		minimumAge: text('minimumAge'),
		maximumAge: text('maximumAge'),
		url: text('url').trim(),
		email: text('email').trim(),
		phone: text('phone').trim(),
		locationIds: data.getAll('locationIds').map(String).slice(0, 60),
		hours: Array.from({ length: 7 }, (_, i) => ({
			opens: text(`opens-${i}`),
			closes: text(`closes-${i}`)
		})),
		hoursNote: text('hoursNote')
	};
}

export function locationFormData(data: FormData) {
	const text = (k: string) => String(data.get(k) ?? '').trim();
	return {
		name: text('name'),
		address1: text('address1'),
		city: text('city'),
		region: text('region'),
		postalCode: text('postalCode'),
		country: text('country'),
		latitude: text('latitude'),
		longitude: text('longitude'),
		timeZone: text('timeZone'),
		accessibility: text('accessibility'),
		transportation: text('transportation')
	};
}
