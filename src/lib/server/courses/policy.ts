import type { Actor } from '../accounts/policy.ts';

export type CourseAction = 'see' | 'enrol' | 'progress' | 'edit' | 'revoke';

/** What the actor is to one course (access.ts). */
export type CourseTie = {
	/** Staff of the organisation that owns it (administrators, for the platform's own courses). */
	author: boolean;
	published: boolean;
	audience: 'open' | 'cohort';
	/** Admitted to its cohort by the invitation link. */
	inCohort: boolean;
	enrolled: boolean;
};

/**
 * Who may do what with a course (docs/decisions/0030). Its authors see and edit it, published or
 * not. Once published, an open course is read by everyone (visitors too, so lessons can be read
 * offline); a cohort course only by those its link admitted. Members enrol in what they may read;
 * progress, quizzes and certificates are for the enrolled. A certificate is revoked by the
 * course's authors or a platform administrator (a mistake, a fraud), with a reason.
 */
export function canCourse(actor: Actor, action: CourseAction, tie: CourseTie): boolean {
	const readable =
		tie.author || (tie.published && (tie.audience === 'open' || tie.inCohort || tie.enrolled));
	switch (action) {
		case 'see':
			return readable;
		case 'enrol':
			return !!actor && tie.published && !tie.enrolled && (tie.audience === 'open' || tie.inCohort);
		case 'progress':
			return !!actor && tie.enrolled && tie.published;
		case 'edit':
			return !!actor && tie.author;
		case 'revoke':
			return !!actor && (tie.author || actor.roles.includes('administrator'));
	}
}
