import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import type { ServiceTexts } from '#lib/services/service-form.ts';
import { languageName } from '#lib/members/codes.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { setting } from '../platform/schema.ts';
import type { HsdsLocation, HsdsService } from '../services/hsds-types.ts';
import {
	refreshOpenings,
	storeLocation,
	storeService,
	storeServiceAtLocation
} from '../services/store.ts';
import maison from './data/demo-services/maison-des-diasporas.json' with { type: 'json' };
import redMigrante from './data/demo-services/red-migrante-madrid.json' with { type: 'json' };
import jusoor from './data/demo-services/jusoor-amman.json' with { type: 'json' };
import welcomeDesk from './data/demo-services/city-welcome-desk.json' with { type: 'json' };

/**
 * Demo services of the demo organisations (demo-content.ts), shown on a fresh embedded install:
 * fictional services at real-looking addresses, written in the organisation's language and
 * translated into the other three. The texts and places are data/demo-services/, one file per
 * organisation.
 */

type Locale = 'en' | 'fr' | 'es' | 'ar';

type DemoLocation = {
	id: string;
	name: string;
	address1: string;
	postalCode: string;
	city: string;
	country: string;
	latitude: number;
	longitude: number;
	timeZone: string;
	accessibility?: string;
};

type DemoService = {
	id: string;
	organisation: string;
	location: DemoLocation;
	needs: string[];
	languages: string[];
	cost: { amount: number; currency: string } | null;
	minimumAge?: number;
	maximumAge?: number;
	/** Weekly hours: days, opening and closing time; closing before opening runs past midnight. */
	hours: [byday: string, opens: string, closes: string][];
	email: string;
	texts: Record<Locale, ServiceTexts>;
};

/** What one organisation's file holds: its places by name, and its services at those places. */
type DemoFile = {
	organisation: string;
	locations: Record<string, DemoLocation>;
	services: (Omit<DemoService, 'organisation' | 'location' | 'hours'> & {
		location: string;
		hours: string[][];
	})[];
};

const FILES = [maison, redMigrante, jusoor, welcomeDesk] as DemoFile[];

export const DEMO_SERVICES: DemoService[] = FILES.flatMap((file) =>
	file.services.map((s) => {
		const location = file.locations[s.location];
		if (!location || s.hours.some((h) => h.length !== 3))
			throw new Error(
				`demo service ${s.id}: no place ${s.location} or hours not [days, opens, closes]`
			);
		const hours = s.hours as DemoService['hours'];
		return { ...s, organisation: file.organisation, location, hours };
	})
);

const LOCALES: Locale[] = ['en', 'fr', 'es', 'ar'];
const DAY = 24 * 60 * 60 * 1000;

function locationDoc(l: DemoLocation, organisationId: string): HsdsLocation {
	return {
		id: l.id,
		location_type: 'physical',
		organization_id: organisationId,
		name: l.name,
		latitude: l.latitude,
		longitude: l.longitude,
		addresses: [
			{
				id: randomUUID(),
				location_id: l.id,
				address_1: l.address1,
				city: l.city,
				state_province: '',
				postal_code: l.postalCode,
				country: l.country,
				address_type: 'physical'
			}
		],
		accessibility: l.accessibility
			? [{ id: randomUUID(), location_id: l.id, description: l.accessibility }]
			: []
	};
}

function serviceDoc(s: DemoService, texts: ServiceTexts, organisationId: string, verified: Date) {
	const doc: HsdsService = {
		id: s.id,
		organization_id: organisationId,
		name: texts.name,
		status: 'active',
		description: texts.description,
		email: s.email,
		eligibility_description: texts.eligibility,
		application_process: texts.applicationProcess,
		fees_description: texts.feesDescription,
		interpretation_services: texts.interpretation || undefined,
		minimum_age: s.minimumAge,
		maximum_age: s.maximumAge,
		assured_date: verified.toISOString().slice(0, 10),
		last_modified: verified.toISOString(),
		schedules: s.hours.map(([byday, opens, closes]) => ({
			id: randomUUID(),
			service_id: s.id,
			freq: 'WEEKLY',
			wkst: 'MO',
			byday,
			opens_at: opens,
			closes_at: closes
		})),
		languages: s.languages.map((code) => ({
			id: randomUUID(),
			service_id: s.id,
			code,
			name: languageName(code, 'en')
		})),
		cost_options: [
			s.cost
				? {
						id: randomUUID(),
						service_id: s.id,
						option: texts.feesDescription,
						amount: s.cost.amount,
						currency: s.cost.currency
					}
				: { id: randomUUID(), service_id: s.id, option: 'Free of charge', amount: 0 }
		],
		required_documents: texts.documents
			.split('\n')
			.filter(Boolean)
			.map((document) => ({ id: randomUUID(), service_id: s.id, document })),
		attributes: s.needs.map((code) => ({
			id: randomUUID(),
			taxonomy_term_id: DEFAULT_TERMS.find((t) => t.code === code)!.id,
			link_entity: 'service',
			link_id: s.id,
			link_type: 'service_type'
		}))
	};
	for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
	return doc;
}

/**
 * Seeds the demo services once per database (a marker row makes later starts skip it), for the demo
 * organisations that exist; published and verified a few days ago.
 */
export async function seedDemoServices(db: Db, now = new Date()): Promise<boolean> {
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(setting)
			.values({ key: 'demo_services_seeded', value: now.toISOString() })
			.onConflictDoNothing()
			.returning({ key: setting.key });
		if (!inserted.length) return false;
		const orgs = await tx
			.select({
				id: organisation.id,
				slug: organisation.slug,
				contentLocale: organisation.contentLocale
			})
			.from(organisation)
			.where(inArray(organisation.slug, [...new Set(DEMO_SERVICES.map((s) => s.organisation))]));
		const bySlug = new Map(orgs.map((o) => [o.slug, o]));
		const stored = new Set<string>();
		for (const [i, s] of DEMO_SERVICES.entries()) {
			const org = bySlug.get(s.organisation);
			if (!org) continue;
			const place = s.location;
			if (!stored.has(place.id)) {
				await storeLocation(tx, {
					doc: locationDoc(place, org.id),
					organisationId: org.id,
					timeZone: place.timeZone
				});
				stored.add(place.id);
			}
			const locale = (LOCALES as string[]).includes(org.contentLocale)
				? (org.contentLocale as Locale)
				: 'en';
			const verified = new Date(now.getTime() - (2 + i) * DAY);
			await storeService(tx, {
				doc: serviceDoc(s, s.texts[locale], org.id, verified),
				organisationId: org.id,
				contentLocale: locale,
				translations: Object.fromEntries(
					LOCALES.filter((l) => l !== locale).map((l) => [l, s.texts[l]])
				),
				published: true,
				verifiedAt: verified
			});
			await storeServiceAtLocation(tx, {
				id: randomUUID(),
				service_id: s.id,
				location_id: place.id
			});
			await refreshOpenings(tx, s.id, place.timeZone);
		}
		return true;
	});
}
