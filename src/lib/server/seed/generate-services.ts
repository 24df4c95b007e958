import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { generateLocations } from './generate-locations.ts';
import { writeReferrals } from './generate-referrals.ts';
import { planOrganisations } from './plan-organisations.ts';
import { writeServices } from './write-services.ts';

/**
 * A synthetic directory of services (and referrals between organisations) for benchmarks and
 * demos, written with the services' store functions and the referral operations, so every derived
 * row (search vectors, facets, openings, coordinates of links, deadlines, events, audit) is the one
 * the application writes.
 *
 * Ids of organisations, locations and services are derived from the seed and each one's position,
 * and what exists is skipped: running it again with the same options adds nothing; a larger count
 * adds the difference.
 */

export type GenerateServicesOptions = {
	services: number;
	referrals: number;
	seed?: number;
	/** Services per transaction; referrals go four times as many per transaction. */
	batch?: number;
	/** Reference time for verification dates and referral timelines (default: now). */
	now?: Date;
	/** Days to accept a referral (REFERRAL_DUE_DAYS); closing gets four times as long. */
	dueDays?: number;
};

/**
 * Adds `services` services (with locations, openings) for approved organisations, creating
 * organisations when there are fewer than one per 20 services, then `referrals` referrals between
 * organisations to those services. Appends; idempotent for the same options (see above).
 */
export async function generateServices(
	db: Db,
	opts: GenerateServicesOptions,
	log: (line: string) => void = () => {}
) {
	const seed = opts.seed ?? 42;
	const now = opts.now ?? new Date();
	const batch = opts.batch ?? 250;
	const written = { organisations: 0, locations: 0, services: 0, referrals: 0 };
	if (opts.services <= 0) return written;

	const wanted = Math.max(opts.referrals > 0 ? 2 : 1, Math.ceil(opts.services / 20));
	const orgs = await planOrganisations(db, seed, wanted, written);
	log(`organisations ${orgs.length} (${written.organisations} new)`);
	const locations = await generateLocations(db, seed, orgs, written);
	log(`locations ${locations} (${written.locations} new)`);
	const planned = await writeServices(
		db,
		{ seed, count: opts.services, batch, now },
		orgs,
		written,
		log
	);
	if (opts.referrals > 0)
		await writeReferrals(
			db,
			{ seed, count: opts.referrals, batch, now, dueDays: opts.dueDays ?? 7 },
			orgs,
			planned,
			written,
			log
		);
	for (const table of [
		'organisation',
		'service',
		'service_location',
		'service_at_location',
		'service_opening',
		'referral',
		'referral_event',
		'audit_log'
	])
		// Vacuum too: it empties the GIN indexes' pending lists, so searches right after a bulk load
		// measure the steady state.
		await db.execute(sql.raw(`vacuum analyze "${table}"`));
	return written;
}
