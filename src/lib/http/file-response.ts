/**
 * A stored file as the platform serves it (library resources, course files): documents only as
 * downloads, pictures, sounds and videos in the page; sandboxed and never sniffed.
 */
export function fileResponse(
	file: { data: Buffer; name: string; type: string; kind: string },
	cache: string
) {
	const inline = file.kind !== 'document';
	const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(file.data), {
		headers: {
			'content-type': file.type,
			'content-length': String(file.data.byteLength),
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'cache-control': cache,
			'content-security-policy': "default-src 'none'; sandbox",
			'x-content-type-options': 'nosniff',
			'cross-origin-resource-policy': 'same-origin'
		}
	});
}
