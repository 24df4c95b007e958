import map from './world-map.json' with { type: 'json' };

/**
 * The base world map: one SVG path per country (ISO alpha-2), already projected (Equal Earth) and
 * simplified by generate-world-map.ts, so drawing it costs nothing but the string itself.
 */
export type WorldMapShape = { width: number; height: number; paths: Record<string, string> };

export const WORLD_MAP: WorldMapShape = map;
