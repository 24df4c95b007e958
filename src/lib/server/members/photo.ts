import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../db/client.ts';
import type { Storage } from '../platform/storage.ts';
import type { Actor } from '../accounts/policy.ts';
import { memberProfile, type StoredImage } from './schema.ts';
import { canEditProfile } from './policy.ts';
import { failure, ok, type Result } from '../platform/result.ts';

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_SIZES = { large: 320, small: 96 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;

export const photoKey = (userId: string, version: string, size: PhotoSize) =>
	`photos/${userId.toLowerCase().replace(/[^a-z0-9-]/g, '')}/${version}-${size}.webp`;

/**
 * Checks the upload by decoding it (the name and the declared type are ignored), turns it upright,
 * crops it square and writes two WebP sizes. sharp drops all metadata (EXIF, GPS) unless asked to keep
 * it, so a photo never carries where it was taken.
 */
export async function processPhoto(data: Buffer) {
	if (data.byteLength === 0 || data.byteLength > PHOTO_MAX_BYTES) return null;
	try {
		const meta = await sharp(data, { limitInputPixels: 50_000_000 }).metadata();
		if (!meta.format || !['jpeg', 'png', 'webp', 'heif', 'avif'].includes(meta.format)) return null;
		const out: Record<PhotoSize, Buffer> = { large: Buffer.alloc(0), small: Buffer.alloc(0) };
		for (const [size, px] of Object.entries(PHOTO_SIZES) as [PhotoSize, number][]) {
			out[size] = await sharp(data, { failOn: 'error' })
				.rotate()
				.resize(px, px, { fit: 'cover', position: 'attention' })
				.webp({ quality: size === 'large' ? 72 : 70, effort: 5 })
				.toBuffer();
		}
		return out;
	} catch {
		return null;
	}
}

export async function savePhoto(
	deps: { db: Db; storage: Storage },
	actor: Actor,
	userId: string,
	data: Buffer
): Promise<Result<StoredImage>> {
	if (!canEditProfile(actor, userId)) return failure('forbidden');
	const [profile] = await deps.db
		.select({ photo: memberProfile.photo })
		.from(memberProfile)
		.where(eq(memberProfile.userId, userId));
	if (!profile) return failure('not_found', { photo: 'error_profile_missing' });
	const processed = await processPhoto(data);
	if (!processed) return failure('invalid', { photo: 'error_photo_invalid' });
	const version = Date.now().toString(36);
	// Files first, then the row: a crash in between leaves unused files, never a row without files.
	for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) {
		await deps.storage.put(photoKey(userId, version, size), processed[size]);
	}
	const photo: StoredImage = { version, width: PHOTO_SIZES.large, height: PHOTO_SIZES.large };
	await deps.db
		.update(memberProfile)
		.set({ photo, updatedAt: new Date() })
		.where(eq(memberProfile.userId, userId));
	if (profile.photo) await removePhotoFiles(deps.storage, userId, profile.photo.version);
	return ok(photo);
}

export async function removePhotoFiles(storage: Storage, userId: string, version: string) {
	for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[])
		await storage.remove(photoKey(userId, version, size));
}

export async function deletePhoto(
	deps: { db: Db; storage: Storage },
	actor: Actor,
	userId: string
) {
	if (!canEditProfile(actor, userId)) return false;
	const [profile] = await deps.db
		.select({ photo: memberProfile.photo })
		.from(memberProfile)
		.where(eq(memberProfile.userId, userId));
	if (!profile?.photo) return true;
	await deps.db.update(memberProfile).set({ photo: null }).where(eq(memberProfile.userId, userId));
	await removePhotoFiles(deps.storage, userId, profile.photo.version);
	return true;
}
