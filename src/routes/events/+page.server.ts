import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { listEvents } from '#lib/server/events/read.ts';
import { eventQuery, toEventFilter } from '#lib/events/query.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const parsed = eventQuery.safeParse(Object.fromEntries(url.searchParams));
	const query = parsed.success ? parsed.data : eventQuery.parse({});
	const { database } = await app();
	const list = await listEvents(database.db, locals.user, toEventFilter(query));
	return {
		...list,
		query,
		invalid: !parsed.success,
		signedIn: !!locals.user
	};
};
