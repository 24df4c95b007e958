import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { MAP_HEIGHT, MAP_WIDTH, MAX_KM, toPixel, type MapWindow } from '#lib/places/local-map.ts';
import type { Db } from '../db/client.ts';
import { townsIn } from '../places/map-towns.ts';
import { townLayer, type TownLayer } from '../places/draw-map.ts';
import { serviceAtLocation, serviceLocation } from './schema.ts';

const rad = (d: number) => (d * Math.PI) / 180;
/** Great-circle distance in km (haversine): which of a service's places is nearest. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
	const h =
		Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
		Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
	return 12742 * Math.asin(Math.sqrt(h));
}

export type ServicesMap = {
	/** The searched place, at the centre. */
	centre: { x: number; y: number };
	/** The page's services that have a place, numbered as the list numbers them. */
	points: { n: number; id: string; name: string; x: number; y: number }[];
	/** Town dots and names around (draw-map.ts). */
	towns: TownLayer;
	km: number;
};

/**
 * The search page's map: the services of the page around the searched place, each at its place
 * nearest to it, in a window just wide enough for all of them, with the towns around. Null when
 * none of them has a place (the list says everything then).
 */
export async function servicesMap(
	db: Db,
	origin: { lat: number; lon: number },
	items: { id: string; name: string }[],
	locale: string
): Promise<ServicesMap | null> {
	if (!items.length) return null;
	const rows = await db
		.select({
			serviceId: serviceAtLocation.serviceId,
			lat: serviceLocation.latitude,
			lon: serviceLocation.longitude
		})
		.from(serviceAtLocation)
		.innerJoin(serviceLocation, eq(serviceLocation.id, serviceAtLocation.locationId))
		.where(
			and(
				inArray(
					serviceAtLocation.serviceId,
					items.map((i) => i.id)
				),
				isNotNull(serviceLocation.latitude),
				isNotNull(serviceLocation.longitude)
			)
		);
	const nearest = new Map<string, { lat: number; lon: number; km: number }>();
	for (const r of rows) {
		const p = { lat: r.lat!, lon: r.lon! };
		const d = km(origin, p);
		const seen = nearest.get(r.serviceId);
		if (!seen || d < seen.km) nearest.set(r.serviceId, { ...p, km: d });
	}
	if (!nearest.size) return null;
	const far = Math.max(...[...nearest.values()].map((p) => p.km));
	// Wide enough that the farthest fits above and below too (the window is 3:2).
	const w: MapWindow = {
		lat: origin.lat,
		lon: origin.lon,
		km: Math.min(MAX_KM, Math.max(2, far * 1.25 * (MAP_WIDTH / MAP_HEIGHT)))
	};
	const points = items.flatMap((item, i) => {
		const p = nearest.get(item.id);
		if (!p) return [];
		const { x, y } = toPixel(w, p.lat, p.lon);
		if (x < 0 || y < 0 || x > MAP_WIDTH || y > MAP_HEIGHT) return [];
		return [{ n: i + 1, id: item.id, name: item.name, x: Math.round(x), y: Math.round(y) }];
	});
	const centre = toPixel(w, origin.lat, origin.lon);
	return {
		centre: { x: Math.round(centre.x), y: Math.round(centre.y) },
		points,
		towns: townLayer(w, await townsIn(db, w, locale, 40), 6),
		km: w.km
	};
}
