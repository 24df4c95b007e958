import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { organisation } from '#lib/server/members/schema.ts';
import { organisationLogoKey } from '#lib/server/organisations/organisation-logo.ts';
import { idParam } from '#lib/http/id-param.ts';

/** Logos of approved organisations are public. */
export const GET: RequestHandler = async ({ params }) => {
	const id = idParam('id', params.id);
	const { database, storage } = await services();
	const [org] = await database.db
		.select({ id: organisation.id, status: organisation.status, logo: organisation.logo })
		.from(organisation)
		.where(eq(organisation.id, id));
	if (!org?.logo || org.status !== 'approved') error(404, 'Not found');
	const data = await storage.get(organisationLogoKey(org.id, org.logo.version));
	if (!data) error(404, 'Not found');
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': 'image/webp',
			'cache-control': 'public, max-age=86400',
			'content-security-policy': "default-src 'none'",
			'x-content-type-options': 'nosniff'
		}
	});
};
