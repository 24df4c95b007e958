import { and, between, desc, inArray, eq, or, type SQL } from 'drizzle-orm';
import { bounds, type MapWindow } from '#lib/places/local-map.ts';
import type { Db } from '../db/client.ts';
import { gazetteerName, gazetteerPlace } from './schema.ts';

export type MapTown = { name: string; latitude: number; longitude: number; population: number };

/**
 * The gazetteer's towns inside a map window, the most populous first (at most `limit`), named in
 * the reader's language where the gazetteer has it: what a local map draws.
 */
export async function townsIn(
	db: Db,
	w: MapWindow,
	locale: string,
	limit = 80
): Promise<MapTown[]> {
	const b = bounds(w);
	// A window across the antimeridian is two bands of longitude.
	const lon: SQL =
		b.west < -180
			? or(
					between(gazetteerPlace.longitude, b.west + 360, 180),
					between(gazetteerPlace.longitude, -180, b.east)
				)!
			: b.east > 180
				? or(
						between(gazetteerPlace.longitude, b.west, 180),
						between(gazetteerPlace.longitude, -180, b.east - 360)
					)!
				: between(gazetteerPlace.longitude, b.west, b.east);
	const rows = await db
		.select({
			id: gazetteerPlace.id,
			name: gazetteerPlace.name,
			latitude: gazetteerPlace.latitude,
			longitude: gazetteerPlace.longitude,
			population: gazetteerPlace.population
		})
		.from(gazetteerPlace)
		.where(and(between(gazetteerPlace.latitude, b.south, b.north), lon))
		.orderBy(desc(gazetteerPlace.population), gazetteerPlace.id)
		.limit(limit);
	if (!rows.length || locale === 'en') return rows;
	const names = await db
		.select({ placeId: gazetteerName.placeId, name: gazetteerName.name })
		.from(gazetteerName)
		.where(
			and(
				inArray(
					gazetteerName.placeId,
					rows.map((r) => r.id)
				),
				eq(gazetteerName.language, locale)
			)
		);
	const own = new Map(names.map((n) => [n.placeId, n.name]));
	return rows.map((r) => ({ ...r, name: own.get(r.id) ?? r.name }));
}
