import { describe, expect, it } from 'vitest';
import {
	MAP_HEIGHT,
	MAP_WIDTH,
	bounds,
	mapWindow,
	scaleBar,
	toPixel,
	toPosition,
	zoomIn
} from './local-map.ts';

describe('the local map', () => {
	const lyon = { lat: 45.764, lon: 4.8357, km: 20 };

	it('puts the centre in the middle, and a click back where it was', () => {
		expect(toPixel(lyon, lyon.lat, lyon.lon)).toEqual({ x: MAP_WIDTH / 2, y: MAP_HEIGHT / 2 });
		// Villeurbanne, about 4 km east-north-east of Lyon
		const p = toPixel(lyon, 45.7667, 4.8833);
		expect(p.x).toBeGreaterThan(MAP_WIDTH / 2 + 25);
		expect(p.x).toBeLessThan(MAP_WIDTH / 2 + 40);
		expect(Math.abs(p.y - MAP_HEIGHT / 2)).toBeLessThan(5);
		const back = toPosition(lyon, p.x, p.y);
		expect(back.lat).toBeCloseTo(45.7667, 4);
		expect(back.lon).toBeCloseTo(4.8833, 4);
	});

	it('covers what it draws, and closes in on a click', () => {
		const b = bounds(lyon);
		expect(b.west).toBeLessThan(4.6);
		expect(b.east).toBeGreaterThan(5.0);
		const corner = toPosition(lyon, 0, 0);
		expect(corner.lat).toBeCloseTo(b.north, 3);
		expect(corner.lon).toBeCloseTo(b.west, 3);
		expect(zoomIn(lyon, 45.7, 4.9)).toEqual({ lat: 45.7, lon: 4.9, km: 20 / 3 });
		expect(zoomIn({ ...lyon, km: 1 }, 45.7, 4.9).km).toBe(1);
		expect(scaleBar(lyon).km).toBe(10);
	});

	it('reads a window from a form, decimal commas included, and refuses nonsense', () => {
		expect(mapWindow('45,76', '4.83', '20')).toEqual({ lat: 45.76, lon: 4.83, km: 20 });
		expect(mapWindow('45.76', '4.83', '9999')?.km).toBe(400);
		for (const bad of [
			['x', '1', '1'],
			['95', '1', '1'],
			['1', '200', '1'],
			['1', '1', '0'],
			['', '', '']
		])
			expect(mapWindow(bad[0], bad[1], bad[2])).toBeNull();
	});

	it('wraps at the antimeridian', () => {
		const fiji = { lat: -17.8, lon: 179.9, km: 50 };
		expect(toPixel(fiji, -17.8, -179.9).x).toBeGreaterThan(MAP_WIDTH / 2);
		expect(toPosition(fiji, MAP_WIDTH, MAP_HEIGHT / 2).lon).toBeLessThan(-179);
	});
});
