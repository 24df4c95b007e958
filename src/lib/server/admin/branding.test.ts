import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { DEFAULT_BRANDING } from '#lib/admin/branding.ts';
import { forgetBrandingCache, getBranding, LOGO_KEY, saveBranding } from './branding.ts';
import { brandStyle } from './brand-style.ts';

const admin = { id: 'admin-1', roles: ['member', 'administrator'] as const };
const member = { id: 'member-1', roles: ['member'] as const };
const valid = {
	name: 'Pont Solidaire',
	primary: '#123456',
	accent: '#8A3B12',
	locales: ['fr', 'ar']
};

describe.each(DATABASES)('branding on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());
	const deps = () => ({ db: s.database.db, storage: s.storage });

	it('starts neutral', async () => {
		forgetBrandingCache();
		expect(await getBranding(s.database.db)).toEqual(DEFAULT_BRANDING);
	});

	it('refuses a member and changes nothing', async () => {
		const result = await saveBranding(deps(), { ...member, roles: [...member.roles] }, valid, {
			kind: 'keep'
		});
		expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
		expect((await getBranding(s.database.db)).name).toBe(DEFAULT_BRANDING.name);
	});

	it('saves name, colours, languages and a logo resized to WebP', async () => {
		const png = await sharp({
			create: { width: 1200, height: 600, channels: 3, background: '#336699' }
		})
			.png()
			.toBuffer();
		const result = await saveBranding(deps(), { ...admin, roles: [...admin.roles] }, valid, {
			kind: 'replace',
			data: png
		});
		expect(result.ok).toBe(true);
		const b = await getBranding(s.database.db);
		expect(b).toMatchObject({
			name: 'Pont Solidaire',
			primary: '#123456',
			accent: '#8a3b12',
			locales: ['fr', 'ar']
		});
		expect(b.logo?.height).toBeLessThanOrEqual(96);
		const stored = await s.storage.get(LOGO_KEY);
		expect((await sharp(stored!).metadata()).format).toBe('webp');
		expect(brandStyle(b)).toBe(':root{--brand:#123456;--accent:#8a3b12}');
	});

	it('refuses a PDF renamed as an image, bad colours and no language, keeping the old settings', async () => {
		const before = await getBranding(s.database.db);
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
		const result = await saveBranding(
			deps(),
			{ ...admin, roles: [...admin.roles] },
			{ name: 'X', primary: 'red;}</style><script>', accent: '#000', locales: [] },
			{ kind: 'replace', data: pdf }
		);
		expect(result).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: {
				logo: 'error_logo_invalid',
				primary: 'error_colour_invalid',
				locales: 'error_languages_required'
			}
		});
		forgetBrandingCache();
		expect(await getBranding(s.database.db)).toEqual(before);
	});

	it('refuses a colour too light for white text and for links on white (WCAG 4.5:1)', async () => {
		const before = await getBranding(s.database.db);
		const result = await saveBranding(
			deps(),
			{ ...admin, roles: [...admin.roles] },
			{ ...valid, primary: '#777777', accent: '#ffcc00' },
			{ kind: 'keep' }
		);
		expect(result).toMatchObject({
			ok: false,
			errors: { primary: 'error_colour_contrast', accent: 'error_colour_contrast' }
		});
		forgetBrandingCache();
		expect(await getBranding(s.database.db)).toEqual(before);
		// #767676 is the lightest grey that passes.
		const grey = await saveBranding(
			deps(),
			{ ...admin, roles: [...admin.roles] },
			{ ...valid, primary: '#767676' },
			{ kind: 'keep' }
		);
		expect(grey.ok).toBe(true);
	});

	it('refuses a platform name with invisible characters', async () => {
		const result = await saveBranding(
			deps(),
			{ ...admin, roles: [...admin.roles] },
			{ ...valid, name: 'Pont\u200BSolidaire' },
			{ kind: 'keep' }
		);
		expect(result).toMatchObject({ ok: false, errors: { name: 'error_platform_name_invalid' } });
	});
});
