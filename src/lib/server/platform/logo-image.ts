import sharp from 'sharp';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Checks a logo (the platform's or an organisation's) by its content, not its name, and returns it
 * resized as WebP without metadata, or null when it is not a PNG, JPEG or WebP image.
 */
export async function processLogo(data: Buffer) {
	if (data.byteLength > LOGO_MAX_BYTES) return null;
	try {
		const meta = await sharp(data, { limitInputPixels: 40_000_000 }).metadata();
		if (!meta.format || !['png', 'jpeg', 'webp'].includes(meta.format)) return null;
		const { data: out, info } = await sharp(data)
			.rotate()
			.resize({ height: 96, width: 384, fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 85 })
			.toBuffer({ resolveWithObject: true });
		return { out, width: info.width, height: info.height };
	} catch {
		return null;
	}
}
