import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { pendingOrganisations } from '#lib/server/organisations/get-organisation.ts';
import { approveOrganisations } from '#lib/server/organisations/memberships.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const { database } = await app();
	const pending = await pendingOrganisations(database.db, locals.user);
	if (!pending) error(403, 'Forbidden');
	return { pending };
};

export const actions: Actions = {
	/** Several pending organisations approved at once (rejecting needs a reason: on each one's page). */
	approve: async ({ request, locals }) => {
		const { data } = await readForm(request);
		const ids = data.getAll('organisation').map((v) => String(v).slice(0, 40));
		const s = await app();
		const result = await approveOrganisations(noticeDeps(s), locals.user, ids);
		return result.ok ? result.value : failForm(result);
	}
};
