import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * A PDF as a reader's viewer opens it (Mozilla's pdf.js): its text in reading order per line,
 * its language, and its attached files.
 */
export async function readPdf(bytes: Uint8Array) {
	const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
	const pdf = await task.promise;
	const page = await pdf.getPage(1);
	const content = await page.getTextContent();
	const items = content.items.flatMap((i) =>
		'str' in i && i.str.trim() ? [{ str: i.str, x: i.transform[4], y: i.transform[5] }] : []
	);
	const meta = await pdf.getMetadata();
	const attachments = [];
	for (const [id, a] of (await pdf.getAttachments()) ?? new Map()) {
		const bytes = a.content ?? (await pdf.getAttachmentContent(id));
		attachments.push({ name: a.filename, text: new TextDecoder().decode(bytes ?? undefined) });
	}
	const size = page.getViewport({ scale: 1 });
	const pages = pdf.numPages;
	await task.destroy();
	return {
		pages,
		lang: content.lang,
		width: size.width,
		height: size.height,
		text: items.map((i) => i.str).join('\n'),
		info: meta.info as Record<string, unknown>,
		attachments
	};
}
