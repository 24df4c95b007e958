// Generates world-map.json, the base map drawn by WorldMap.svelte, from Natural Earth's 1:110m
// countries (world-atlas). Run again only to change the map: `node src/lib/server/countries/generate-world-map.ts`.
//
// The map is projected and simplified here, once, so the server does no geometry at run time and the
// page stays within its 14 KB budget: Equal Earth (equal-area, so a choropleth does not inflate the
// north), arcs simplified in projected units before countries are stitched (neighbours share the same
// simplified border, so no gaps), integer coordinates, relative path commands, tiny islands dropped.
import { writeFileSync } from 'node:fs';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import countries from 'i18n-iso-countries';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };

const WIDTH = Number(process.argv[2] ?? 360);
/** Douglas–Peucker tolerance and smallest ring kept, in map units (about a CSS pixel on a phone). */
const TOLERANCE = Number(process.argv[3] ?? 0.7);
const MIN_AREA = Number(process.argv[4] ?? 1.5);

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const all = topology.objects.countries.geometries;
// Natural Earth leaves three areas without an ISO code; the UN counts two of them with their state.
const PART_OF: Record<string, string> = { 'N. Cyprus': 'CY', Somaliland: 'SO', Kosovo: 'XK' };
const codeOf = (g: (typeof all)[number]) =>
	g.id ? countries.numericToAlpha2(String(g.id)) : PART_OF[g.properties?.name ?? ''];
const kept = all.filter((g) => codeOf(g) && codeOf(g) !== 'AQ');

const land = {
	type: 'FeatureCollection' as const,
	features: kept.map((g) => feature(topology, g))
};
const projection = geoEqualEarth().rotate([-11.6, 0]).fitWidth(WIDTH, land);
const height = Math.ceil(geoPath(projection).bounds(land)[1][1]);

// Absolute lon/lat arcs, projected, simplified; every country then stitches the same arcs.
const { scale, translate } = topology.transform!;
const arcs = topology.arcs.map((arc) => {
	let x = 0;
	let y = 0;
	const points = arc.map(([dx, dy]) => {
		x += dx;
		y += dy;
		return projection([x * scale[0] + translate[0], y * scale[1] + translate[1]])!;
	});
	return simplify(points, TOLERANCE);
});
const planar = { ...topology, transform: undefined, arcs } as unknown as typeof topology;

const byCode = new Map<string, (typeof all)[number][]>();
for (const g of kept) byCode.set(codeOf(g)!, [...(byCode.get(codeOf(g)!) ?? []), g]);

const paths: Record<string, string> = {};
for (const [code, geometries] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
	const shape =
		geometries.length > 1
			? merge(planar, geometries as Parameters<typeof merge>[1])
			: (feature(planar, geometries[0]).geometry as Polygon | MultiPolygon);
	const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
	const rings = polygons.flatMap((p) => p).map((r) => dedupe(r.map(round)));
	const largest = Math.max(...rings.map((r) => Math.abs(area(r))));
	const d = rings
		.filter((r) => r.length > 3 && Math.abs(area(r)) >= Math.min(MIN_AREA, largest))
		.map(ringPath)
		.join('');
	if (d) paths[code] = d;
}

const out = { width: WIDTH, height, paths };
writeFileSync(new URL('./world-map.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(`${Object.keys(paths).length} countries, ${JSON.stringify(out).length} bytes`);

function round(p: Position): Position {
	return [Math.round(p[0]), Math.round(p[1])];
}

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
