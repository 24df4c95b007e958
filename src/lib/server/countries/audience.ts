import { sql, type SQL } from 'drizzle-orm';

/**
 * Who is counting. Counts of members only ever read the facet columns written for that audience
 * (see member_profile): a visitor sees what public profiles show publicly, a signed-in member also
 * what profiles show to members. A profile listed for `nobody` is in neither.
 */
export type Audience = 'public' | 'members';

export function audienceOf(viewer: { id: string } | null): Audience {
	return viewer ? 'members' : 'public';
}

/** The facet column this audience may read, and the profiles it may count. */
export function audienceScope(audience: Audience): { facets: SQL; listed: SQL } {
	return audience === 'members'
		? { facets: sql.raw('facets_members'), listed: sql`listed in ('public', 'members')` }
		: { facets: sql.raw('facets_public'), listed: sql`listed = 'public'` };
}
