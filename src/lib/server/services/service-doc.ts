import { randomUUID } from 'node:crypto';
import { closuresText, parseClosures, type Closure } from '#lib/services/closures.ts';
import { isClosure, isDatedHours } from './openings.ts';
import { DAYS, type LocationInput, type ServiceInput } from '#lib/services/service-form.ts';
import { languageName } from '#lib/members/codes.ts';
import type { HsdsLocation, HsdsSchedule, HsdsService } from './hsds-types.ts';

/**
 * The HSDS document a provider's form produces, starting from the current one so that fields the
 * form does not show (imported extras, other attributes, funding…) are kept.
 */
export function serviceDocFrom(
	input: ServiceInput,
	current: HsdsService | null,
	opts: { id: string; organisationId: string; textsInDoc: boolean; now: Date }
): HsdsService {
	const doc: HsdsService = current
		? structuredClone(current)
		: { id: opts.id, name: input.texts.name, status: input.status };
	doc.organization_id = opts.organisationId;
	doc.status = input.status;
	if (opts.textsInDoc) {
		const t = input.texts;
		doc.name = t.name;
		doc.description = t.description || undefined;
		doc.eligibility_description = t.eligibility || undefined;
		doc.application_process = t.applicationProcess || undefined;
		doc.fees_description = t.feesDescription || undefined;
		doc.interpretation_services = t.interpretation || undefined;
		const previous = new Map((doc.required_documents ?? []).map((d) => [d.document, d.id]));
		doc.required_documents = t.documents
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean)
			.slice(0, 30)
			.map((document) => ({ id: previous.get(document) ?? randomUUID(), document }));
	}
	const otherAttributes = (doc.attributes ?? []).filter((a) => !a.taxonomy_term_id);
	const previousAttributes = new Map(
		(doc.attributes ?? []).filter((a) => a.taxonomy_term_id).map((a) => [a.taxonomy_term_id, a])
	);
	doc.attributes = [
		...input.termIds.map(
			(termId) =>
				previousAttributes.get(termId) ?? {
					id: randomUUID(),
					taxonomy_term_id: termId,
					link_entity: 'service',
					link_id: opts.id,
					link_type: 'service_type'
				}
		),
		...otherAttributes
	];
	const previousLanguages = new Map((doc.languages ?? []).map((l) => [l.code, l]));
	doc.languages = input.languages.map(
		(code) =>
			previousLanguages.get(code) ?? {
				id: randomUUID(),
				service_id: opts.id,
				code,
				name: languageName(code, 'en')
			}
	);
	const paid = (doc.cost_options ?? []).filter((c) => c.amount !== 0);
	doc.cost_options = input.free
		? [{ id: randomUUID(), service_id: opts.id, option: 'Free of charge', amount: 0 }]
		: paid;
	doc.minimum_age = input.minimumAge ?? undefined;
	doc.maximum_age = input.maximumAge ?? undefined;
	doc.url = input.url || undefined;
	doc.email = input.email || undefined;
	const otherPhones = (doc.phones ?? []).slice(1);
	doc.phones = input.phone
		? [{ ...(doc.phones?.[0] ?? { id: randomUUID() }), number: input.phone }, ...otherPhones]
		: otherPhones;
	doc.schedules = schedulesFrom(input, opts.id, doc.schedules ?? []);
	doc.last_modified = opts.now.toISOString();
	for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
	return doc;
}

/** One weekly HSDS schedule per opening day; the free-text note rides on the first. */
function schedulesFrom(input: ServiceInput, serviceId: string, previous: HsdsSchedule[]) {
	const weekly: HsdsSchedule[] = [];
	input.hours.forEach((h, i) => {
		const ranges: [string, string][] = [
			[h.opens, h.closes],
			[h.opens2 ?? '', h.closes2 ?? '']
		];
		for (const [opens, closes] of ranges) {
			if (!opens) continue;
			weekly.push({
				id: previous[weekly.length]?.id ?? randomUUID(),
				service_id: serviceId,
				freq: 'WEEKLY',
				wkst: 'MO',
				byday: DAYS[i],
				opens_at: opens,
				closes_at: closes
			});
		}
	});
	if (input.hoursNote) {
		if (weekly[0]) weekly[0].description = input.hoursNote;
		else weekly.push({ id: randomUUID(), service_id: serviceId, description: input.hoursNote });
	}
	// Closed dates: HSDS schedules with dates and no times, marked for Passerelle; hours on dates:
	// schedules with dates and times and no weekday (openings.ts).
	for (const c of parseClosures(input.closures ?? '') ?? []) {
		if (!c.hours.length)
			weekly.push({
				id: randomUUID(),
				service_id: serviceId,
				valid_from: c.from,
				valid_to: c.to,
				notes: 'closed',
				closed: true
			});
		for (const [opens, closes] of c.hours)
			weekly.push({
				id: randomUUID(),
				service_id: serviceId,
				valid_from: c.from,
				valid_to: c.to,
				opens_at: opens,
				closes_at: closes,
				notes: 'special hours'
			});
	}
	return weekly;
}

/** The form's weekly hours back from HSDS schedules (the first two intervals of each day, in order). */
export function hoursFrom(schedules: HsdsSchedule[]) {
	const byDay = DAYS.map(() => [] as [string, string][]);
	const dated = new Map<string, Closure>();
	for (const s of schedules) {
		if (!isClosure(s) && !isDatedHours(s)) continue;
		const from = s.valid_from!.slice(0, 10);
		const to = (s.valid_to || s.valid_from)!.slice(0, 10);
		const line = dated.get(`${from}|${to}`) ?? { from, to, hours: [] };
		if (isDatedHours(s)) line.hours.push([s.opens_at!.slice(0, 5), s.closes_at!.slice(0, 5)]);
		dated.set(`${from}|${to}`, line);
	}
	const closures = [...dated.values()].map((c) => ({
		...c,
		hours: c.hours.sort(([a], [b]) => a.localeCompare(b)).slice(0, 2)
	}));
	for (const s of schedules) {
		if (!s.opens_at || !s.closes_at || isDatedHours(s)) continue;
		for (const day of (s.byday ?? '').split(',')) {
			const i = DAYS.indexOf(day.trim().toUpperCase().slice(-2) as (typeof DAYS)[number]);
			if (i >= 0) byDay[i].push([s.opens_at.slice(0, 5), s.closes_at.slice(0, 5)]);
		}
	}
	const hours = byDay.map((ranges) => {
		const [first, second] = ranges.sort(([a], [b]) => a.localeCompare(b));
		return {
			opens: first?.[0] ?? '',
			closes: first?.[1] ?? '',
			opens2: second?.[0] ?? '',
			closes2: second?.[1] ?? ''
		};
	});
	return {
		hours,
		note: schedules.find((s) => s.description && !isClosure(s))?.description ?? '',
		closures: closuresText(closures.sort((a, b) => a.from.localeCompare(b.from)))
	};
}

export function locationDocFrom(
	input: LocationInput,
	current: HsdsLocation | null,
	opts: { id: string; organisationId: string }
): HsdsLocation {
	const doc: HsdsLocation = current
		? structuredClone(current)
		: { id: opts.id, location_type: 'physical' };
	doc.organization_id = opts.organisationId;
	doc.name = input.name;
	doc.latitude = input.latitude ?? undefined;
	doc.longitude = input.longitude ?? undefined;
	doc.transportation = input.transportation || undefined;
	const address = doc.addresses?.[0];
	doc.addresses = [
		{
			...(address ?? { id: randomUUID(), location_id: opts.id }),
			address_1: input.address1,
			city: input.city,
			region: input.region || undefined,
			state_province: input.region || '',
			postal_code: input.postalCode,
			country: input.country,
			address_type: 'physical'
		},
		...(doc.addresses ?? []).slice(1)
	];
	const access = doc.accessibility?.[0];
	doc.accessibility = input.accessibility
		? [
				{
					...(access ?? { id: randomUUID(), location_id: opts.id }),
					description: input.accessibility
				}
			]
		: [];
	for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
	return doc;
}
