import sharp from 'sharp';

/** The largest file a message carries (the server refuses bodies over 4 MB before this). */
export const ATTACHMENT_MAX_BYTES = 3.5 * 1024 * 1024;
const IMAGE_MAX_PX = 1600;

export type ProcessedAttachment = {
	kind: 'image' | 'pdf';
	name: string;
	data: Buffer;
	width: number | null;
	height: number | null;
	extension: 'webp' | 'pdf';
};

/** A name safe to show and to offer as a download: letters, digits, spaces and . _ - only. */
export function safeFileName(name: string, extension: string) {
	// The last part of a path only, as browsers send it ("C:\\fakepath\\cv.pdf" too).
	const base = (name.split(/[\\/]/).pop() ?? '')
		.normalize('NFKC')
		.replace(/\.[^.]*$/, '')
		.replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
		.replace(/\.{2,}/g, ' ')
		.replace(/\s+/g, ' ')
		.replace(/^[\s.]+/, '')
		.trim()
		.slice(0, 80);
	return `${base || 'file'}.${extension}`;
}

/**
 * Checks a file by its content (the name and declared type are ignored): an image is decoded and
 * written again as WebP, turned upright, at most 1,600 px, without metadata (no place it was
 * taken); a PDF must start as one. Anything else, empty or too large, is null.
 */
export async function processAttachment(
	data: Buffer,
	name: string
): Promise<ProcessedAttachment | null> {
	if (data.byteLength === 0 || data.byteLength > ATTACHMENT_MAX_BYTES) return null;
	if (data.subarray(0, 5).toString('latin1') === '%PDF-')
		return {
			kind: 'pdf',
			name: safeFileName(name, 'pdf'),
			data,
			width: null,
			height: null,
			extension: 'pdf'
		};
	try {
		const meta = await sharp(data, { limitInputPixels: 50_000_000 }).metadata();
		if (!meta.format || !['jpeg', 'png', 'webp', 'heif', 'avif', 'gif'].includes(meta.format))
			return null;
		const { data: out, info } = await sharp(data, { failOn: 'error' })
			.rotate()
			.resize(IMAGE_MAX_PX, IMAGE_MAX_PX, { fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 75, effort: 4 })
			.toBuffer({ resolveWithObject: true });
		return {
			kind: 'image',
			name: safeFileName(name, 'webp'),
			data: out,
			width: info.width,
			height: info.height,
			extension: 'webp'
		};
	} catch {
		return null;
	}
}
