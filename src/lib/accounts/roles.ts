export const ROLES = [
	'member',
	'organisation_admin',
	'service_provider',
	'mentoring_coordinator',
	'moderator',
	'administrator'
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}
