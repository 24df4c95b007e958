import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { services } from '#lib/server/platform/app.ts';
import { isCurator } from '#lib/server/services/policy.ts';
import { decideReview, reviewQueue } from '#lib/server/services/review.ts';
import { baseTexts } from '#lib/server/services/service-texts.ts';
import type { ServiceVersion } from '#lib/server/services/save-service.ts';
import { service } from '#lib/server/services/schema.ts';
import { inArray } from 'drizzle-orm';

/** Curators' queue: new services and changes to published ones, with the proposed texts. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!isCurator(locals.user)) error(404, 'Not found');
	const { database } = await services();
	const queue = await reviewQueue(database.db);
	const rows = queue.length
		? await database.db
				.select()
				.from(service)
				.where(
					inArray(
						service.id,
						queue.map((q) => q.id)
					)
				)
		: [];
	const byId = new Map(rows.map((r) => [r.id, r]));
	return {
		queue: queue.map((q) => {
			const row = byId.get(q.id)!;
			const version = (row.pending as ServiceVersion | null) ?? {
				doc: row.doc,
				contentLocale: row.contentLocale,
				translations: row.translations
			};
			return {
				...q,
				language: version.contentLocale,
				texts: baseTexts(version.doc),
				translations: Object.keys(version.translations)
			};
		})
	};
};

export const actions: Actions = {
	decide: async ({ locals, request }) => {
		if (!isCurator(locals.user)) error(404, 'Not found');
		const { database, config } = await services();
		const data = await request.formData().catch(() => new FormData());
		const id = String(data.get('service') ?? '').slice(0, 40);
		const result = await decideReview(
			database.db,
			locals.user,
			id,
			{ approve: data.get('decision') === 'approve', note: String(data.get('note') ?? '') },
			{ timeZone: config.serviceTimeZone }
		);
		if (!result.ok)
			return fail(result.status, {
				errors: { [`note-${id}`]: result.error ?? 'error_page_not_found' }
			});
		return { done: 'review_done' };
	}
};
