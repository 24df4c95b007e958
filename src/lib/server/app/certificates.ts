import { getBranding } from '../admin/branding.ts';
import { issueCertificate } from '../courses/certificates.ts';
import type { AppContext } from './context.ts';

/** Issues a completed course's certificate with the platform's name and address (idempotent). */
export async function certify(
	s: Pick<AppContext, 'database' | 'config'>,
	courseId: string,
	userId: string
) {
	const brand = await getBranding(s.database.db);
	return issueCertificate(
		{ db: s.database.db, origin: s.config.origin, platformName: brand.name },
		courseId,
		userId
	);
}
