import { fileTypeFromBuffer } from 'file-type';
import { RESOURCE_MAX_BYTES, type ResourceKind } from '#lib/library/forms.ts';
import { processAttachment, safeFileName } from '../messages/attachment.ts';

/**
 * What a contributed file is, read from its bytes (the name and the declared type are ignored):
 * PDF and office documents (OOXML, OpenDocument; not the old binary formats, which carry macros)
 * are kept as they are and only ever served as downloads; images are decoded and written again
 * as WebP without metadata; audio and video are small files of the common formats, played in
 * the page. Anything else is refused with the reason.
 */
const DOCUMENTS: Record<string, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	odp: 'application/vnd.oasis.opendocument.presentation'
};
const AUDIO: Record<string, string> = {
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	opus: 'audio/ogg',
	oga: 'audio/ogg',
	wav: 'audio/wav',
	flac: 'audio/flac'
};
const VIDEO: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm' };

export type ResourceFile = {
	kind: Exclude<ResourceKind, 'link'>;
	name: string;
	type: string;
	extension: string;
	data: Buffer;
};

export type FileRefusal =
	'error_resource_file_empty' | 'error_resource_file_size' | 'error_resource_file_type';

export async function checkResourceFile(
	data: Buffer,
	name: string
): Promise<{ ok: true; file: ResourceFile } | { ok: false; error: FileRefusal }> {
	if (!data.byteLength) return { ok: false, error: 'error_resource_file_empty' };
	if (data.byteLength > RESOURCE_MAX_BYTES) return { ok: false, error: 'error_resource_file_size' };
	const found = await fileTypeFromBuffer(data).catch(() => undefined);
	const ext = found?.ext as string | undefined;
	if (ext && DOCUMENTS[ext]) {
		// A PDF must also end as one (a truncated upload is not stored).
		if (ext === 'pdf' && !data.subarray(-1024).toString('latin1').includes('%%EOF'))
			return { ok: false, error: 'error_resource_file_type' };
		return {
			ok: true,
			file: {
				kind: 'document',
				name: safeFileName(name, ext),
				type: DOCUMENTS[ext],
				extension: ext,
				data
			}
		};
	}
	if (ext && (AUDIO[ext] || VIDEO[ext])) {
		// WebM and Ogg hold sound or pictures: the name's own extension does not decide.
		const kind = VIDEO[ext] ? 'video' : 'audio';
		const type = VIDEO[ext] ?? AUDIO[ext];
		return { ok: true, file: { kind, name: safeFileName(name, ext), type, extension: ext, data } };
	}
	const image = await processAttachment(data, name);
	if (image?.kind === 'image')
		return {
			ok: true,
			file: {
				kind: 'image',
				name: image.name,
				type: 'image/webp',
				extension: 'webp',
				data: image.data
			}
		};
	return { ok: false, error: 'error_resource_file_type' };
}
