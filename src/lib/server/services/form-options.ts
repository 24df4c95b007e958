import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { CONTENT_LOCALES } from '#lib/services/service-form.ts';
import { languageName } from '#lib/members/codes.ts';
import { SERVICE_LANGUAGES } from '#lib/services/languages.ts';
import type { Db } from '../db/client.ts';
import { organisationLocations } from './organisation-services.ts';

/** Choices shown by the service form, in the reader's language. */
export async function serviceFormOptions(
	db: Db,
	organisationId: string,
	locale: string,
	chosen: string[] = []
) {
	return {
		terms: DEFAULT_TERMS.map((t) => ({ id: t.id, name: t.labels[locale as 'en'] ?? t.labels.en })),
		languages: [...new Set([...SERVICE_LANGUAGES, ...chosen])]
			.map((code) => ({ code, name: languageName(code, locale) }))
			.sort((a, b) => a.name.localeCompare(b.name, locale)),
		contentLocales: CONTENT_LOCALES.map((code) => ({ code, name: languageName(code, locale) })),
		locations: (await organisationLocations(db, organisationId)).map((l) => ({
			id: l.id,
			name: l.name,
			city: l.city
		}))
	};
}

/** Time zones for the location form, from the runtime's own list. */
export function timeZoneOptions() {
	return Intl.supportedValuesOf('timeZone');
}
