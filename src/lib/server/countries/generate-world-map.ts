// Generates world-map.json, the base map drawn by WorldMap.svelte, from Natural Earth's 1:110m
// countries (world-atlas, a development dependency). Run again only to change the map:
// `node src/lib/server/countries/generate-world-map.ts [width] [tolerance] [min-area]`.
//
// The map is projected and simplified here, once, so the server does no geometry at run time and the
// page stays within its 14 KB budget: Equal Earth (equal-area, so a choropleth does not inflate the
// north), arcs simplified in projected units before countries are stitched (neighbours share the same
// simplified border, so no gaps), integer coordinates, relative path commands, tiny islands dropped.
import { writeFileSync } from 'node:fs';
import { geoEqualEarth } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import countries from 'i18n-iso-countries';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };

const WIDTH = Number(process.argv[2] ?? 360);
/** Douglas–Peucker tolerance and smallest ring kept, in map units (about a CSS pixel on a phone). */
const TOLERANCE = Number(process.argv[3] ?? 0.7);
const MIN_AREA = Number(process.argv[4] ?? 1.5);

type Country = GeometryObject<{ name?: string }>;
const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
const all: Country[] = topology.objects.countries.geometries;
// Natural Earth leaves three areas without an ISO code; the UN counts two of them with their state.
const PART_OF: Record<string, string> = { 'N. Cyprus': 'CY', Somaliland: 'SO', Kosovo: 'XK' };
const codeOf = (g: Country) =>
	g.id
		? countries.numericToAlpha2(String(g.id))
		: PART_OF[(g.properties as { name?: string } | undefined)?.name ?? ''];
const kept = all.filter((g) => codeOf(g) && codeOf(g) !== 'AQ');

// Centred on 11.6°E so that the seam runs through the Bering Strait (-168.4°), where no land of the
// 1:110m map crosses it: points are projected one by one, without d3's clipping, so a country
// crossing the seam would be drawn across the whole map.
const projection = geoEqualEarth().rotate([-11.6, 0]);
const { scale, translate } = topology.transform!;
const projected = topology.arcs.map((arc) => {
	let x = 0;
	let y = 0;
	return arc.map(([dx, dy]) => {
		x += dx;
		y += dy;
		const lonLat: [number, number] = [x * scale[0] + translate[0], y * scale[1] + translate[1]];
		return { at: projection(lonLat)!, antarctic: lonLat[1] < -60 };
	});
});
// Scaled to about the final width (Antarctica left out) and simplified in map units.
const inside = projected.flat().filter((p) => !p.antarctic);
const minX = Math.min(...inside.map((p) => p.at[0]));
const maxX = Math.max(...inside.map((p) => p.at[0]));
const k = WIDTH / (maxX - minX);
const arcs = projected.map((arc) =>
	simplify(
		arc.map(({ at }) => [at[0] * k, at[1] * k] as [number, number]),
		TOLERANCE
	)
);
const planar = { ...topology, transform: undefined, arcs } as unknown as typeof topology;

const byCode = new Map<string, Country[]>();
for (const g of kept) byCode.set(codeOf(g)!, [...(byCode.get(codeOf(g)!) ?? []), g]);

// Rings kept per country: islands too small to see are dropped, but never a country's largest ring.
const shapes = [...byCode]
	.sort(([a], [b]) => a.localeCompare(b))
	.map(([code, geometries]) => {
		const shape =
			geometries.length > 1
				? merge(planar, geometries as Parameters<typeof merge>[1])
				: (feature(planar, geometries[0]) as Feature<Polygon | MultiPolygon>).geometry;
		const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
		const rings = polygons.flat();
		const largest = Math.max(...rings.map((r) => Math.abs(area(r))));
		return { code, rings: rings.filter((r) => Math.abs(area(r)) >= Math.min(MIN_AREA, largest)) };
	});

// The drawn rings set the frame, so a dropped island (Hawaii) leaves no empty margin.
const drawn = shapes.flatMap((s) => s.rings.flat());
const [left, top] = [0, 1].map((i) => Math.min(...drawn.map((p) => p[i])));
const right = Math.max(...drawn.map((p) => p[0]));
const bottom = Math.max(...drawn.map((p) => p[1]));
const fit = WIDTH / (right - left);
const height = Math.ceil((bottom - top) * fit);
const paths: Record<string, string> = {};
for (const { code, rings } of shapes) {
	const d = rings
		.map((r) =>
			dedupe(r.map((p) => [Math.round((p[0] - left) * fit), Math.round((p[1] - top) * fit)]))
		)
		.filter((r) => r.length > 3)
		.map(ringPath)
		.join('');
	if (d) paths[code] = d;
}

const out = { width: WIDTH, height, paths };
writeFileSync(new URL('./world-map.json', import.meta.url), JSON.stringify(out, null, '\t') + '\n');
console.log(`${Object.keys(paths).length} countries, ${JSON.stringify(out).length} bytes`);

function dedupe(ring: Position[]) {
	return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

function area(ring: Position[]) {
	let a = 0;
	for (let i = 1; i < ring.length; i++)
		a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
	return a / 2;
}

/** "M x y" then relative steps: short, and gzip finds the repeats. The closing point is implied. */
function ringPath(ring: Position[]) {
	let s = `M${ring[0][0]} ${ring[0][1]}`;
	for (let i = 1; i < ring.length - 1; i++) {
		const dx = ring[i][0] - ring[i - 1][0];
		const dy = ring[i][1] - ring[i - 1][1];
		s += `${i === 1 ? 'l' : dx < 0 ? '' : ' '}${dx}${dy < 0 ? '' : ' '}${dy}`;
	}
	return s + 'z';
}

function simplify(points: [number, number][], tolerance: number): [number, number][] {
	if (points.length < 3) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length) {
		const [first, last] = stack.pop()!;
		let worst = 0;
		let index = 0;
		for (let i = first + 1; i < last; i++) {
			const d = distance(points[i], points[first], points[last]);
			if (d > worst) [worst, index] = [d, i];
		}
		if (worst > tolerance) {
			keep[index] = 1;
			stack.push([first, index], [index, last]);
		}
	}
	return points.filter((_, i) => keep[i]);
}

function distance(p: [number, number], a: [number, number], b: [number, number]) {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	const length = Math.hypot(dx, dy);
	if (!length) return Math.hypot(p[0] - a[0], p[1] - a[1]);
	return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}
