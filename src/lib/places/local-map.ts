/**
 * A local map drawn on the server: a window of `km` kilometres from its centre to its left and
 * right edges, in a local equirectangular projection (longitude scaled by the cosine of the
 * centre's latitude), which is true to within a few percent over the few hundred kilometres it
 * is used for. Shared by the place picker's image (an `<input type="image">` returns the click in
 * these pixels) and the services map of the search page.
 */
export const MAP_WIDTH = 300;
export const MAP_HEIGHT = 200;
/** The closest and widest windows (kilometres from the centre to a side edge). */
export const MIN_KM = 1;
export const MAX_KM = 400;
const KM_PER_DEGREE = 111.32;

export type MapWindow = { lat: number; lon: number; km: number };

const clampKm = (km: number) => Math.min(MAX_KM, Math.max(MIN_KM, km));

/** A window from numbers given by a query string or a form, or null when they are not one. */
export function mapWindow(lat: unknown, lon: unknown, km: unknown): MapWindow | null {
	const [a, o, k] = [lat, lon, km].map((v) => Number(String(v ?? '').replace(',', '.')));
	if (![a, o, k].every(Number.isFinite) || Math.abs(a) > 85 || Math.abs(o) > 180 || k <= 0)
		return null;
	return { lat: a, lon: o, km: clampKm(k) };
}

function scale(w: MapWindow) {
	const pxPerKm = MAP_WIDTH / 2 / w.km;
	const cos = Math.cos((w.lat * Math.PI) / 180);
	return { pxPerKm, cos };
}

/** Where a position falls in the window's pixels (may be outside it). */
export function toPixel(w: MapWindow, lat: number, lon: number) {
	const { pxPerKm, cos } = scale(w);
	let dLon = lon - w.lon;
	if (dLon > 180) dLon -= 360;
	if (dLon < -180) dLon += 360;
	return {
		x: MAP_WIDTH / 2 + dLon * cos * KM_PER_DEGREE * pxPerKm,
		y: MAP_HEIGHT / 2 - (lat - w.lat) * KM_PER_DEGREE * pxPerKm
	};
}

/** The position under a pixel of the window: what a click on the map means. */
export function toPosition(w: MapWindow, x: number, y: number) {
	const { pxPerKm, cos } = scale(w);
	const lat = w.lat + (MAP_HEIGHT / 2 - y) / pxPerKm / KM_PER_DEGREE;
	let lon = w.lon + (x - MAP_WIDTH / 2) / pxPerKm / KM_PER_DEGREE / cos;
	if (lon > 180) lon -= 360;
	if (lon < -180) lon += 360;
	return { lat: round(Math.max(-85, Math.min(85, lat))), lon: round(lon) };
}

/** The latitudes and longitudes the window covers, for reading what falls in it. */
export function bounds(w: MapWindow) {
	const { cos } = scale(w);
	const dLat = (w.km * (MAP_HEIGHT / MAP_WIDTH)) / KM_PER_DEGREE;
	const dLon = Math.min(180, w.km / KM_PER_DEGREE / Math.max(cos, 0.01));
	return { south: w.lat - dLat, north: w.lat + dLat, west: w.lon - dLon, east: w.lon + dLon };
}

/** A window three times closer around a point (a click refines the place). */
export function zoomIn(w: MapWindow, lat: number, lon: number): MapWindow {
	return { lat, lon, km: clampKm(w.km / 3) };
}

/** A scale bar: a round length near a quarter of the width, and its pixels. */
export function scaleBar(w: MapWindow) {
	const target = w.km / 2;
	const steps = [0.5, 1, 2, 5, 10, 20, 50, 100, 200];
	const km = steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best));
	return { km, px: km * scale(w).pxPerKm };
}

/** Five decimals: about a metre, more than a click can say. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;
