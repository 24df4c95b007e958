import { eq, type SQL } from 'drizzle-orm';
import { organisation } from './schema.ts';

/**
 * The one rule for what the public sees of organisations: approved ones only. A pending or rejected
 * organisation shows nowhere public (home page, directory, APIs, service search, HSDS); only its own
 * admins and the platform's administrators see it, on its page (policy.ts, canOrg 'view').
 * Every public query that reads `organisation` puts this condition in its WHERE clause.
 */
export const PUBLIC_ORGANISATION_STATUS = 'approved';

export function publicOrganisation(): SQL {
	return eq(organisation.status, PUBLIC_ORGANISATION_STATUS);
}

export function isPublicOrganisation(org: { status: string }): boolean {
	return org.status === PUBLIC_ORGANISATION_STATUS;
}
