import type { PageServerLoad } from './$types';
import { nextPath } from '#lib/http/next-path.ts';

/** After a report: thanks, what happens next, and the way back (a same-site path only). */
export const load: PageServerLoad = async ({ url }) => ({
	back: nextPath(url.searchParams.get('back')) ?? '/'
});
