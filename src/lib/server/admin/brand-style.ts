import type { Branding } from '#lib/admin/branding.ts';

/** The deployment's colours as CSS custom properties; values were validated as #rrggbb. */
export function brandStyle(branding: Branding) {
	const hex = /^#[0-9a-f]{6}$/;
	const primary = hex.test(branding.primary) ? branding.primary : '#1f5f8b';
	const accent = hex.test(branding.accent) ? branding.accent : '#b3541e';
	return `:root{--brand:${primary};--accent:${accent}}`;
}
