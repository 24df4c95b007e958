import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { isCurator } from '#lib/server/services/policy.ts';
import { approveServices, decideReview, reviewQueue } from '#lib/server/services/review.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

/** Curators' queue: new services and changes to published ones, with the proposed texts. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!isCurator(locals.user)) error(404, 'Not found');
	const { database } = await app();
	return { queue: await reviewQueue(database.db) };
};

export const actions: Actions = {
	/** Several queued services approved at once; returning one needs its own note, below it. */
	approveSelected: async ({ locals, request }) => {
		if (!isCurator(locals.user)) error(404, 'Not found');
		const s = await app();
		const { data } = await readForm(request);
		const ids = data.getAll('service').map((v) => String(v).slice(0, 40));
		const result = await approveServices(noticeDeps(s), locals.user, ids, {
			timeZone: s.config.serviceTimeZone
		});
		return result.ok ? result.value : failForm(result);
	},
	decide: async ({ locals, request }) => {
		if (!isCurator(locals.user)) error(404, 'Not found');
		const s = await app();
		const { data } = await readForm(request);
		const id = String(data.get('service') ?? '').slice(0, 40);
		const result = await decideReview(
			noticeDeps(s),
			locals.user,
			id,
			{ approve: data.get('decision') === 'approve', note: String(data.get('note') ?? '') },
			{ timeZone: s.config.serviceTimeZone }
		);
		if (result.ok) return { done: 'review_done' };
		// Each queued service has its own note field.
		const errors = Object.fromEntries(
			Object.entries(result.errors ?? {}).map(([k, v]) => [`${k}-${id}`, v])
		);
		return failForm({ ...result, errors });
	}
};
