import { SERVICE_LANGUAGES } from '#lib/services/languages.ts';
import cities from './data/cities.json' with { type: 'json' };
import needs from './data/service-needs.json' with { type: 'json' };
import texts from './data/service-texts.json' with { type: 'json' };
import referralTexts from './data/referral-texts.json' with { type: 'json' };

/**
 * What the service generator writes with, read from data/: real cities (centres, IANA time zones,
 * languages, currencies), service names and texts per need in four languages, referral texts and
 * people's names. Only the types live here; the texts are the data files'.
 */
export type Locale = 'en' | 'fr' | 'es' | 'ar';
// In jsonb's key order, so translations are indexed in the order a stored row reads them back.
export const LOCALES: Locale[] = ['ar', 'en', 'es', 'fr'];
export type ByLocale<T> = Record<Locale, T>;

export type City = {
	name: string;
	ar: string;
	country: string;
	lat: number;
	lon: number;
	timeZone: string;
	/** Language the local organisations write in (one of the interface languages). */
	locale: Locale;
	/** Language spoken at the desk besides the visitors' ones. */
	lang: string;
	currency: string;
	/** Working week Sunday to Thursday. */
	sundayWeek: boolean;
};

/** Real cities where migrants arrive or pass through (data/cities.json: one row per city). */
export const CITIES: City[] = cities.rows.map(
	(row) => Object.fromEntries(cities.columns.map((column, i) => [column, row[i]])) as City
);

/** Languages newcomers speak, offered at some desks besides the local one. */
export const VISITOR_LANGUAGES = SERVICE_LANGUAGES;

export type NeedTexts = { names: ByLocale<string[]>; description: ByLocale<string> };

/** Service names and descriptions per need; `{city}` is replaced by the city's name. */
export const NEEDS: Record<string, NeedTexts> = needs;

export const ELIGIBILITY: ByLocale<string[]> = texts.eligibility;
export const APPLY: ByLocale<string[]> = texts.apply;
export const DOCUMENTS: ByLocale<string[]> = texts.documents;
/** Fees: free, then paid. */
export const FEES: ByLocale<string[]> = texts.fees;
export const INTERPRETATION: ByLocale<string> = texts.interpretation;
export const PLACES: ByLocale<string[]> = texts.places;
export const STREETS: ByLocale<string[]> = texts.streets;
export const ORGANISATION_NAMES: ByLocale<string[]> = texts.organisationNames;
export const ORGANISATION_ABOUT: ByLocale<string> = texts.organisationAbout;
/** Words of the HSDS documents that are not translated (accessibility, cost options). */
export const DOC_WORDS = {
	accessibility: texts.accessibility,
	free: texts.costOptions.free,
	paid: texts.costOptions.paid
};

// Referral texts, in the language of the organisation that writes them. People are synthetic.
export const PURPOSE: ByLocale<string> = referralTexts.purpose;
export const DECLINE_REASONS: ByLocale<string[]> = referralTexts.declineReasons;
export const FEEDBACK: ByLocale<string[]> = referralTexts.feedback;
export const NOTES: ByLocale<string> = referralTexts.notes;
export const FIRST: string[] = referralTexts.firstNames;
export const LAST: string[] = referralTexts.lastNames;
