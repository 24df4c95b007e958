import type { ServiceTexts } from '#lib/services/service-form.ts';
import type { HsdsService } from './hsds-types.ts';

/** The texts of the HSDS document, in its own language, as form fields. */
export function baseTexts(doc: HsdsService): ServiceTexts {
	return {
		name: doc.name,
		description: doc.description ?? '',
		eligibility: doc.eligibility_description ?? '',
		applicationProcess: doc.application_process ?? '',
		feesDescription: doc.fees_description ?? '',
		interpretation: doc.interpretation_services ?? '',
		documents: (doc.required_documents ?? [])
			.map((d) => d.document ?? '')
			.filter(Boolean)
			.join('\n')
	};
}

/**
 * The texts to show in `locale`: the translation where one exists, field by field, else the
 * document's own language (and the page says which language that is).
 */
export function textsFor(
	row: {
		doc: HsdsService;
		contentLocale: string;
		translations: Record<string, Partial<ServiceTexts>>;
	},
	locale: string
): ServiceTexts & { language: string } {
	const base = baseTexts(row.doc);
	if (locale === row.contentLocale) return { ...base, language: locale };
	const t = row.translations[locale];
	if (!t?.name) return { ...base, language: row.contentLocale };
	const merged = { ...base };
	for (const key of Object.keys(base) as (keyof ServiceTexts)[]) if (t[key]) merged[key] = t[key];
	return { ...merged, language: locale };
}
