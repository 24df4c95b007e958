import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { findProfileRow } from './get-profile.ts';
import { photoKey, savePhoto } from './photo.ts';

async function jpegWithGps() {
	return sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#a05030' } })
		.jpeg({ quality: 90 })
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'X1' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '48/1 51/1 0/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '2/1 21/1 0/1'
			}
		})
		.toBuffer();
}

describe.each(DATABASES)('profile photos on $kind', (target) => {
	let s: AppContext;
	let owner: { id: string };
	beforeAll(async () => {
		s = await testServices(target);
		owner = await buildProfile(s, { name: 'Photo Owner' });
	});
	afterAll(() => s.database.close());
	const actor = () => ({ id: owner.id, roles: ['member' as const] });
	const deps = () => ({ db: s.database.db, storage: s.storage });

	it('stores a clean, resized WebP without EXIF or GPS, the small one under 30 KB', async () => {
		const original = await jpegWithGps();
		expect((await sharp(original).metadata()).exif).toBeDefined();
		const result = await savePhoto(deps(), actor(), owner.id, original);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		for (const size of ['small', 'large'] as const) {
			const file = await s.storage.get(photoKey(owner.id, result.value.version, size));
			const meta = await sharp(file!).metadata();
			expect(meta.format).toBe('webp');
			expect(meta.exif).toBeUndefined();
			if (size === 'small') expect(file!.byteLength).toBeLessThan(30 * 1024);
		}
	});

	it.each([
		['an oversized file', Buffer.alloc(9 * 1024 * 1024, 1)],
		[
			'a PDF renamed .jpg',
			Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF')
		],
		[
			'an SVG with script',
			Buffer.from(
				'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>'
			)
		],
		[
			'a corrupt JPEG',
			Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])
		]
	])('refuses %s and keeps the previous photo', async (_name, data) => {
		const before = await findProfileRow(s.database.db, owner.id);
		const result = await savePhoto(deps(), actor(), owner.id, data);
		expect(result).toEqual({
			ok: false,
			kind: 'invalid',
			errors: { photo: 'error_photo_invalid' }
		});
		const after = await findProfileRow(s.database.db, owner.id);
		expect(after?.photo).toEqual(before?.photo);
	});

	it('refuses someone else', async () => {
		const result = await savePhoto(
			deps(),
			{ id: 'other', roles: ['member'] },
			owner.id,
			await jpegWithGps()
		);
		expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
	});
});
