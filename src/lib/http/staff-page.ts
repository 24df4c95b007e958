import { error } from '@sveltejs/kit';
import type { Db } from '#lib/server/db/client.ts';
import type { Actor } from '#lib/server/accounts/policy.ts';
import { staffOrganisation } from '#lib/server/organisations/access.ts';
import { idParam } from './id-param.ts';

/**
 * The organisation behind a staff page (`/organisations/{slug}/services`, places, referrals), for
 * the people who work there; 404 for everyone else, so the page reveals nothing.
 */
export async function staffPageOrganisation(db: Db, actor: Actor, slug: string) {
	idParam('slug', slug);
	const org = await staffOrganisation(db, actor, slug);
	if (!org) error(404, 'Not found');
	return org;
}
