import { MAP_HEIGHT, MAP_WIDTH, scaleBar, toPixel, type MapWindow } from '#lib/places/local-map.ts';
import type { MapTown } from './map-towns.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export type TownLayer = {
	dots: { x: number; y: number; r: number }[];
	labels: { x: number; y: number; name: string }[];
};

/** Town dots, sized by population, and the names of the largest that fit without overlapping. */
export function townLayer(w: MapWindow, towns: MapTown[], maxLabels = 12): TownLayer {
	const layer: TownLayer = { dots: [], labels: [] };
	const taken: Box[] = [];
	for (const t of towns) {
		const { x, y } = toPixel(w, t.latitude, t.longitude);
		if (x < 0 || y < 0 || x > MAP_WIDTH || y > MAP_HEIGHT) continue;
		const r = t.population >= 500_000 ? 4 : t.population >= 50_000 ? 3 : 2;
		layer.dots.push({ x: Math.round(x), y: Math.round(y), r });
		if (layer.labels.length >= maxLabels) continue;
		// A rough width for the name: 6 px a character at 11 px.
		const width = Math.min(t.name.length, 24) * 6;
		const box = { x0: x + r + 2, y0: y - 8, x1: x + r + 2 + width, y1: y + 4 };
		if (box.x1 > MAP_WIDTH - 2 || box.y0 < 2 || taken.some((b) => overlaps(b, box))) continue;
		taken.push(box);
		layer.labels.push({ x: Math.round(box.x0), y: Math.round(y + 3), name: t.name.slice(0, 24) });
	}
	return layer;
}

/**
 * The place picker's image: towns around the window's centre, a mark on the chosen position when
 * there is one, a scale bar and the data's attribution. Served as a standalone SVG document.
 */
export function placeMapSvg(
	w: MapWindow,
	towns: MapTown[],
	mark: { lat: number; lon: number } | null
) {
	const layer = townLayer(w, towns);
	const dots = layer.dots.map((d) => `<circle cx="${d.x}" cy="${d.y}" r="${d.r}"/>`).join('');
	const labels = layer.labels
		.map((l) => `<text x="${l.x}" y="${l.y}">${escape(l.name)}</text>`)
		.join('');
	const bar = scaleBar(w);
	const pin = mark ? toPixel(w, mark.lat, mark.lon) : null;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#eef2f5"/>
<path d="M${MAP_WIDTH / 2} 0V${MAP_HEIGHT}M0 ${MAP_HEIGHT / 2}H${MAP_WIDTH}" stroke="#d3dce3"/>
<g fill="#5a6b7b">${dots}</g>
<g fill="#1f2d3a">${labels}</g>
${pin ? `<g stroke="#b00020" stroke-width="2.5" fill="none"><circle cx="${pin.x.toFixed(1)}" cy="${pin.y.toFixed(1)}" r="7"/><path d="M${pin.x.toFixed(1)} ${(pin.y - 12).toFixed(1)}v24M${(pin.x - 12).toFixed(1)} ${pin.y.toFixed(1)}h24"/></g>` : ''}
<g stroke="#1f2d3a" stroke-width="2"><path d="M8 ${MAP_HEIGHT - 10}h${bar.px.toFixed(1)}"/></g>
<text x="8" y="${MAP_HEIGHT - 14}" fill="#1f2d3a">${bar.km} km</text>
<text x="${MAP_WIDTH - 4}" y="${MAP_HEIGHT - 4}" text-anchor="end" font-size="9" fill="#5a6b7b">GeoNames</text>
</svg>`;
}
