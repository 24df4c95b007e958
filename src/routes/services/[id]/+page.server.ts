import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasOpenSlots } from '#lib/server/appointments/appointments.ts';
import { app } from '#lib/server/app/app.ts';
import { getService } from '#lib/server/services/get-service.ts';
import { isStale } from '#lib/server/services/stale.ts';
import { workplaces } from '#lib/server/organisations/access.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { failForm } from '#lib/http/answer.ts';
import { forgetSaved, isSaved, saveForLater } from '#lib/server/services/saved-services.ts';
import { canService } from '#lib/server/services/policy.ts';

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
	// A visitor's copy may be kept a minute, but not shown once they sign in (the page then
	// offers to save the service): the cookie is part of what the copy depends on.
	if (!locals.user) setHeaders({ 'cache-control': 'public, max-age=60', vary: 'Cookie' });
	const listed = { published: service.published, organisationStatus: service.organisationStatus };
	return {
		service,
		canRefer,
		bookable: await hasOpenSlots(database.db, id),
		canSave: canService(locals.user, 'save', listed, false),
		saved: await isSaved(database.db, locals.user, id),
		stale: isStale(service.verifiedAt, new Date(), config.serviceStaleDays),
		staleDays: config.serviceStaleDays,
		shortLink: `${config.origin}/s/${service.shortCode}`
	};
};

/** A signed-in person keeps the service on their list (the account page), or takes it off. */
export const actions: Actions = {
	save: async ({ params, locals }) => {
		const { database } = await app();
		const result = await saveForLater(database.db, locals.user, idParam('uuid', params.id));
		if (!result.ok) return failForm(result);
		return { savedNow: true };
	},
	forget: async ({ params, locals }) => {
		const { database } = await app();
		const result = await forgetSaved(database.db, locals.user, idParam('uuid', params.id));
		if (!result.ok) return failForm(result);
		return { forgotten: true };
	}
};
