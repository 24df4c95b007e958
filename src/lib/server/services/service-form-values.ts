import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { service, serviceAtLocation } from './schema.ts';
import { currentVersion, type ServiceVersion } from './save-service.ts';
import { baseTexts } from './service-texts.ts';
import { hoursFrom } from './service-doc.ts';
import { termIdsOf } from './store.ts';
import type { ServiceInput } from '#lib/services/service-form.ts';

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
	const { hours, note, closures } = hoursFrom(doc.schedules ?? []);
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
		hoursNote: note,
		closures
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
