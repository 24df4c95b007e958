import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import type { ServiceTexts } from '#lib/services/service-form.ts';
import { languageName } from '#lib/members/codes.ts';
import type { HsdsSchedule, HsdsService } from '../services/hsds-types.ts';
import { shortCodeFor, termIdsOf } from '../services/store.ts';
import { UUID } from './generate-locations.ts';
import type { Org, PlannedLocation } from './plan-organisations.ts';
import { fill } from './plan-organisations.ts';
import { idFor } from './random.ts';
import { patternFor, schedulesFor } from './service-hours.ts';
import {
	APPLY,
	DOC_WORDS,
	DOCUMENTS,
	ELIGIBILITY,
	FEES,
	INTERPRETATION,
	LOCALES,
	NEEDS,
	VISITOR_LANGUAGES,
	type City,
	type Locale
} from './service-data.ts';

const DAY = 24 * 60 * 60 * 1000;
const CODES = Object.keys(NEEDS);
const TERMS = new Map(DEFAULT_TERMS.map((t) => [t.code, t]));

/** A service as the generator plans it: its document and what the writer and referrals need. */
export type PlannedService = {
	id: string;
	orgIndex: number;
	places: PlannedLocation[];
	doc: HsdsService;
	contentLocale: Locale;
	translations: Record<string, ServiceTexts>;
	published: boolean;
	verifiedAt: Date;
	/** Listed by the public search when published: active or temporarily closed. */
	listed: boolean;
	termIds: string[];
};

type Choice = {
	name: number;
	eligibility: number;
	apply: number;
	documents: number[];
	free: boolean;
	interpreters: boolean;
};

/** Full texts of a service in one language (the document's, or a translation). */
function textsIn(locale: Locale, c: City, need: string, choice: Choice): ServiceTexts {
	const t = NEEDS[need];
	return {
		name: `${t.names[locale][choice.name]} – ${locale === 'ar' ? c.ar : c.name}`,
		description: fill(t.description[locale], c, locale),
		eligibility: ELIGIBILITY[locale][choice.eligibility],
		applicationProcess: APPLY[locale][choice.apply],
		feesDescription: FEES[locale][choice.free ? 0 : 1],
		interpretation: choice.interpreters ? INTERPRETATION[locale] : '',
		documents: choice.documents.map((d) => DOCUMENTS[locale][d]).join('\n')
	};
}

const languageNames = new Map<string, string>();
const nameOf = (code: string) => {
	if (!languageNames.has(code)) languageNames.set(code, languageName(code, 'en'));
	return languageNames.get(code)!;
};

/**
 * Plans service number `i`: its organisation, places, needs, texts in the organisation's language
 * and some translations, hours, costs and documents. `rnd` is the run's generator, drawn in the
 * same order every run.
 */
export function planService(
	seed: number,
	i: number,
	orgs: Org[],
	rnd: () => number,
	now: Date
): PlannedService {
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const id = idFor(seed, 'service', i);
	const orgIndex = Math.floor(rnd() * orgs.length);
	const org = orgs[orgIndex];
	const r = rnd();
	const count = r < 0.03 ? 0 : r < 0.88 ? 1 : 2;
	const places = [...new Set(Array.from({ length: count }, () => pick(org.locations)))];
	const c = places[0]?.city ?? org.home;
	const locale = c.locale;
	const need = pick(CODES);
	const second = rnd() < 0.25 ? pick(CODES) : need;
	const needs = [...new Set([need, second])];
	const free = rnd() < 0.75;
	const eligibility = need === 'children' ? 3 : Math.floor(rnd() * 4);
	const choice: Choice = {
		name: Math.floor(rnd() * 3),
		eligibility,
		apply: Math.floor(rnd() * 3),
		documents: rnd() < 0.6 ? [...new Set([pick([0, 1, 2]), pick([0, 1, 2])])].sort() : [],
		free,
		interpreters: rnd() < 0.4
	};
	const texts = textsIn(locale, c, need, choice);
	const others = LOCALES.filter((l) => l !== locale);
	const t = rnd();
	const translated = t < 0.45 ? others : t < 0.75 ? [locale === 'en' ? 'fr' : 'en'] : [];
	const translations = Object.fromEntries(
		translated.map((l) => [l, textsIn(l as Locale, c, need, choice)])
	) as Record<string, ServiceTexts>;
	const spoken = [
		...new Set([
			c.lang,
			...(rnd() < 0.7 ? [pick(VISITOR_LANGUAGES)] : []),
			...(rnd() < 0.4 ? [pick(VISITOR_LANGUAGES), pick(VISITOR_LANGUAGES)] : [])
		])
	];
	const s = rnd();
	const status =
		s < 0.93 ? 'active' : s < 0.97 ? 'temporarily closed' : s < 0.985 ? 'inactive' : 'defunct';
	const published = rnd() < 0.9;
	const minimumAge = eligibility === 1 ? 18 : rnd() < 0.1 ? 16 : null;
	const maximumAge = need === 'children' || (need === 'education' && rnd() < 0.5) ? 17 : null;
	// Most were checked within the stale period (180 days by default); some are overdue for it.
	const assured = new Date(now.getTime() - Math.floor(rnd() * 240) * DAY);
	const pattern = patternFor(need, rnd());
	const amount = pick([2, 5, 10, 20, 35]);
	const code = shortCodeFor(id);
	const doc: HsdsService = {
		id,
		...(UUID.test(org.id) ? { organization_id: org.id } : {}),
		name: texts.name,
		status,
		description: texts.description,
		url: `https://example.org/services/${code}`,
		email: `contact+${code.toLowerCase()}@example.org`,
		eligibility_description: texts.eligibility,
		application_process: texts.applicationProcess,
		fees_description: texts.feesDescription,
		...(texts.interpretation ? { interpretation_services: texts.interpretation } : {}),
		...(minimumAge !== null ? { minimum_age: minimumAge } : {}),
		...(maximumAge !== null ? { maximum_age: maximumAge } : {}),
		assured_date: assured.toISOString().slice(0, 10),
		last_modified: assured.toISOString(),
		// Only France has a range of numbers reserved for fiction (+33 1 99 00 …).
		phones:
			c.country === 'FR'
				? [
						{
							id: idFor(seed, 'phone', id),
							service_id: id,
							number: `+33 1 99 00 ${String(Math.floor(rnd() * 100)).padStart(2, '0')} ${String(Math.floor(rnd() * 100)).padStart(2, '0')}`
						}
					]
				: [],
		schedules: schedulesFor(pattern, c).map(([byday, opens, closes], k) => ({
			id: idFor(seed, 'schedule', id, k),
			service_id: id,
			freq: 'WEEKLY',
			wkst: 'MO',
			byday,
			opens_at: opens,
			closes_at: closes
		})) satisfies HsdsSchedule[],
		languages: spoken.map((lang) => ({
			id: idFor(seed, 'language', id, lang),
			service_id: id,
			code: lang,
			name: nameOf(lang)
		})),
		cost_options: [
			free
				? { id: idFor(seed, 'cost', id), service_id: id, option: DOC_WORDS.free, amount: 0 }
				: {
						id: idFor(seed, 'cost', id),
						service_id: id,
						option: DOC_WORDS.paid,
						amount,
						currency: c.currency
					}
		],
		required_documents: choice.documents.map((d) => ({
			id: idFor(seed, 'document', id, d),
			service_id: id,
			document: DOCUMENTS[locale][d]
		})),
		attributes: needs.map((need) => ({
			id: idFor(seed, 'attribute', id, need),
			taxonomy_term_id: TERMS.get(need)!.id,
			link_entity: 'service',
			link_id: id,
			link_type: 'service_type'
		}))
	};
	return {
		id,
		orgIndex,
		places,
		doc,
		contentLocale: locale,
		translations,
		published,
		verifiedAt: assured,
		listed: status === 'active' || status === 'temporarily closed',
		termIds: termIdsOf(doc)
	};
}
