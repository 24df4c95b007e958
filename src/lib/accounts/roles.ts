/**
 * Platform roles. Everyone signed in is a member; moderators curate services (and, later, moderate
 * content); administrators run the platform. What someone does inside an organisation (its admin,
 * its staff) is their membership there, not a platform role (organisations/policy.ts). A new role
 * comes with the policy that checks it.
 */
export const ROLES = ['member', 'moderator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}
