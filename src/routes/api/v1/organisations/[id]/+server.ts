import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getOrganisation, slugForId } from '#lib/server/organisations/get-organisation.ts';
import { json, problem } from '#lib/http/respond.ts';
import { parseId } from '#lib/http/ids.ts';

/** By id or slug. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const key = parseId('id', params.id) ?? parseId('slug', params.id);
	if (!key) return problem(404, 'not_found', 'No such organisation');
	const { database } = await app();
	const slug = (await slugForId(database.db, key)) ?? key;
	const page = await getOrganisation(database.db, locals.user, slug);
	if (!page) return problem(404, 'not_found', 'No such organisation');
	return json({
		...page.organisation,
		members: page.members
			.filter((p) => p.status === 'active' && p.linkable)
			.map((p) => ({ id: p.id, name: p.name, role: p.role }))
	});
};
