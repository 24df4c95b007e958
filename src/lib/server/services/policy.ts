import type { Actor } from '../accounts/policy.ts';

export type ServiceAction = 'view' | 'save' | 'edit' | 'verify' | 'curate';

/** Curators review what providers write; moderators and administrators hold the role. */
export function isCurator(actor: Actor) {
	return !!actor && (actor.roles.includes('moderator') || actor.roles.includes('administrator'));
}

/**
 * Who may do what with a service. The public sees published services of approved organisations;
 * the organisation's active members (its staff) edit them; curators see and review everything.
 * Anyone signed in keeps a list of the public ones ("save").
 */
export function canService(
	actor: Actor,
	action: ServiceAction,
	svc: { published: boolean; organisationStatus: string } | null,
	staff: boolean
): boolean {
	switch (action) {
		case 'view':
			return (
				(!!svc && svc.published && svc.organisationStatus === 'approved') ||
				staff ||
				isCurator(actor)
			);
		case 'save':
			return !!actor && !!svc && svc.published && svc.organisationStatus === 'approved';
		case 'edit':
			return !!actor && staff;
		case 'verify':
			return !!actor && (staff || isCurator(actor));
		case 'curate':
			return isCurator(actor);
	}
}
