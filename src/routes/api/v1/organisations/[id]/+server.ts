import { eq } from 'drizzle-orm';
import type { RequestHandler } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { getOrganisation } from '#lib/server/organisations/get-organisation.ts';
import { organisation } from '#lib/server/members/schema.ts';
import { json, problem } from '#lib/server/api/respond.ts';
import { parseId } from '#lib/http/ids.ts';

/** By id or slug. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const key = parseId('id', params.id) ?? parseId('slug', params.id);
	if (!key) return problem(404, 'not_found', 'No such organisation');
	const { database } = await services();
	const [byId] = await database.db
		.select({ slug: organisation.slug })
		.from(organisation)
		.where(eq(organisation.id, key));
	const page = await getOrganisation(database.db, locals.user, byId?.slug ?? key);
	if (!page) return problem(404, 'not_found', 'No such organisation');
	return json({
		...page.organisation,
		members: page.members
			.filter((p) => p.status === 'active' && p.linkable)
			.map((p) => ({ id: p.id, name: p.name, role: p.role }))
	});
};
