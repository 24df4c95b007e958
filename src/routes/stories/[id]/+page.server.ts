import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { readStory } from '#lib/server/stories/stories.ts';
import { idParam } from '#lib/http/id-param.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await readStory(database.db, locals.user, id);
	if (!found) error(404, 'Not found');
	return { story: found, signedIn: !!locals.user, waiting: url.searchParams.has('waiting') };
};
