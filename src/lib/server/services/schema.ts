import { sql } from 'drizzle-orm';
import {
	boolean,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { tsvector } from '../db/types.ts';
import type { HsdsLocation, HsdsService, HsdsServiceAtLocation } from './hsds-types.ts';
import type { ServiceTexts } from '#lib/services/service-form.ts';

/**
 * Services follow Open Referral HSDS 3.1: each row keeps its HSDS document (the canonical record,
 * returned by the API and the export) and columns derived from it for search (docs/decisions/0006).
 */
export const taxonomy = pgTable('hsds_taxonomy', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	uri: text('uri'),
	version: text('version'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const taxonomyTerm = pgTable(
	'hsds_taxonomy_term',
	{
		id: text('id').primaryKey(),
		taxonomyId: text('taxonomy_id').references(() => taxonomy.id, { onDelete: 'cascade' }),
		parentId: text('parent_id'),
		code: text('code'),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		termUri: text('term_uri'),
		language: text('language'),
		/** Names by interface language (the default taxonomy has all four); falls back to `name`. */
		labels: jsonb('labels').$type<Record<string, string>>().notNull().default({}),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('hsds_taxonomy_term_code_idx').on(t.code)]
);

export type ReviewState = 'none' | 'pending' | 'returned';

export const service = pgTable(
	'service',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		/** HSDS status: active, inactive, defunct, temporarily closed. */
		status: text('status').notNull().default('active'),
		name: text('name').notNull(),
		/** The HSDS service document without organization and service_at_locations. */
		doc: jsonb('doc').$type<HsdsService>().notNull(),
		/** Language of the texts in `doc`; other languages live in `translations`. */
		contentLocale: text('content_locale').notNull().default('en'),
		translations: jsonb('translations')
			.$type<Record<string, Partial<ServiceTexts>>>()
			.notNull()
			.default({}),
		/** Shown to the public only once a curator has approved it (imports are approved). */
		published: boolean('published').notNull().default(false),
		reviewState: text('review_state').$type<ReviewState>().notNull().default('none'),
		/** A provider's proposed version, waiting for a curator. */
		pending: jsonb('pending'),
		reviewNote: text('review_note'),
		verifiedAt: timestamp('verified_at', { withTimezone: true }),
		staleRemindedAt: timestamp('stale_reminded_at', { withTimezone: true }),
		// Derived from doc on every write.
		termIds: text('term_ids')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		languages: text('languages')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		free: boolean('free').notNull().default(false),
		minimumAge: integer('minimum_age'),
		maximumAge: integer('maximum_age'),
		nameKey: text('name_key').notNull().default(''),
		search: tsvector('search'),
		shortCode: text('short_code').notNull().unique(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('service_org_idx').on(t.organisationId),
		index('service_terms_idx').using('gin', t.termIds),
		index('service_languages_idx').using('gin', t.languages),
		index('service_search_idx').using('gin', t.search),
		index('service_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
		index('service_updated_idx').on(t.updatedAt),
		// The listed services in name order: the search walks it and stops after one page.
		index('service_listed_name_idx')
			.on(t.name, t.id)
			.where(sql`${t.published} and ${t.status} in ('active', 'temporarily closed')`),
		index('service_review_idx').on(t.reviewState)
	]
);

export const serviceLocation = pgTable(
	'service_location',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'cascade'
		}),
		name: text('name').notNull().default(''),
		/** The HSDS location document (addresses, accessibility, languages, phones, schedules). */
		doc: jsonb('doc').$type<HsdsLocation>().notNull(),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		/** The coordinates are the town's (from the gazetteer, places/), not the address's own. */
		approximate: boolean('approximate').notNull().default(false),
		city: text('city'),
		cityKey: text('city_key'),
		country: text('country'),
		/** IANA time zone the schedules are written in. */
		timeZone: text('time_zone').notNull().default('UTC'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('service_location_org_idx').on(t.organisationId),
		index('service_location_city_idx').on(t.cityKey)
	]
);

export const serviceAtLocation = pgTable(
	'service_at_location',
	{
		id: text('id').primaryKey(),
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		locationId: text('location_id')
			.notNull()
			.references(() => serviceLocation.id, { onDelete: 'cascade' }),
		/** HSDS service_at_location document without the nested location. */
		doc: jsonb('doc').$type<HsdsServiceAtLocation>().notNull(),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('service_at_location_service_idx').on(t.serviceId),
		index('service_at_location_location_idx').on(t.locationId),
		// Nearest first (KNN), as services/search-sql.ts asks: the point of its `planePoint`.
		index('service_at_location_near_idx')
			.using('gist', sql`point(${t.longitude} * cos(radians(${t.latitude})), ${t.latitude})`)
			.where(sql`${t.latitude} is not null and ${t.longitude} is not null`)
	]
);

/**
 * The services with no service_at_location at all (helplines, online services), which a search
 * around a place lists after the nearby ones. Kept by triggers on service and service_at_location
 * (migration 0006): a few rows, where an anti-join would read every candidate's locations.
 */
export const servicePlaceless = pgTable('service_placeless', {
	serviceId: text('service_id')
		.primaryKey()
		.references(() => service.id, { onDelete: 'cascade' })
});

/**
 * Weekly opening intervals derived from HSDS schedules, in local minutes of the day and the
 * location's time zone. An overnight interval is split in two rows at midnight.
 */
export const serviceOpening = pgTable(
	'service_opening',
	{
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		/** ISO day of week, 1 = Monday. */
		dow: smallint('dow').notNull(),
		opens: smallint('opens').notNull(),
		closes: smallint('closes').notNull(),
		timeZone: text('time_zone').notNull(),
		validFrom: text('valid_from'),
		validTo: text('valid_to')
	},
	(t) => [index('service_opening_service_idx').on(t.serviceId)]
);

/** HSDS fields of an organisation that Passerelle itself does not use, kept for the round trip. */
export const organisationHsds = pgTable(
	'organisation_hsds',
	{
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		doc: jsonb('doc').notNull()
	},
	(t) => [primaryKey({ columns: [t.organisationId] })]
);

/** The services a person keeps a list of (the account page shows it); gone with either side. */
export const savedService = pgTable(
	'saved_service',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id, { onDelete: 'cascade' }),
		savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.serviceId] })]
);
