import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { certificateView } from '#lib/server/courses/certificates.ts';
import { certificatePdf } from '#lib/server/courses/certificate-pdf.ts';
import { idParam } from '#lib/http/id-param.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

/**
 * The certificate to print, in the reader's language: its QR code opens the verification page.
 * Only a certificate that verifies now is printed: a revoked or broken one is not.
 */
export const GET: RequestHandler = async ({ params }) => {
	const id = idParam('uuid', params.id);
	const { database, config } = await app();
	const view = await certificateView(database.db, config.origin, id);
	if (!view || view.withdrawn || !view.verified) error(404, 'Not found');
	const pdf = await certificatePdf(
		{
			id,
			learner: view.learner,
			course: view.course,
			issuer: view.issuer,
			organisation: view.organisation,
			issuedAt: view.issuedAt,
			url: `${config.origin}${localizeHref(`/certificates/${id}`)}`,
			credential: view.credential
		},
		getLocale()
	);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="certificate-${id}.pdf"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
