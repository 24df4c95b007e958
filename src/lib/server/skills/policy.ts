import type { Actor } from '../accounts/policy.ts';

export type SkillsAction = 'see' | 'edit';

/** What the actor is to one skills profile. */
export type SkillsTie = {
	owner: boolean;
	/** They handed it to the actor: an application to the actor's opportunity, with their profile. */
	sharedWith?: boolean;
	/** They let the actor's organisation fill it with them, and that consent still runs. */
	delegate?: boolean;
};

/**
 * Who may do what with a skills profile (docs/decisions/0035). It is the person's own: they see
 * and edit it, and choose whom they hand it to (as a page or a PDF they download). Nobody else
 * reads it, except the poster's side of an opportunity they applied to with their profile, and
 * the staff of an organisation they let fill it with them (for a few hours, withdrawn at will).
 */
export function canSkills(actor: Actor, action: SkillsAction, tie: SkillsTie): boolean {
	switch (action) {
		case 'see':
			return !!actor && (tie.owner || !!tie.sharedWith || !!tie.delegate);
		case 'edit':
			return !!actor && (tie.owner || !!tie.delegate);
	}
}
