import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getService } from '#lib/server/services/get-service.ts';
import { isStale } from '#lib/server/services/stale.ts';
import { workplaces } from '#lib/server/organisations/access.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const id = idParam('uuid', params.id);
	const { database, config } = await app();
	const locale = getLocale();
	const service = await getService(database.db, locals.user, id, { locale });
	if (!service) error(404);
	// Caseworkers of another organisation may refer people to it.
	const canRefer =
		service.published &&
		(await workplaces(database.db, locals.user)).some((o) => o.id !== service.organisationId);
	if (!locals.user) setHeaders({ 'cache-control': 'public, max-age=60' });
	return {
		service,
		canRefer,
		stale: isStale(service.verifiedAt, new Date(), config.serviceStaleDays),
		staleDays: config.serviceStaleDays,
		shortLink: `${config.origin}/s/${service.shortCode}`
	};
};
