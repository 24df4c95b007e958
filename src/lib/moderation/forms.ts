import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';

/**
 * Why something is reported, and the ground a moderator's decision names: one list, so the
 * statement of reasons the author reads speaks of what the reporter chose (docs/decisions/0022).
 */
export const REPORT_REASONS = [
	'spam',
	'harassment',
	'hate',
	'violence',
	'sexual',
	'personal_data',
	'scam',
	'illegal',
	'other'
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What can be reported. Later modules add theirs (a thread, a story, an event, a resource). */
export const SUBJECT_KINDS = [
	'message',
	'profile',
	'thread',
	'reply',
	'event',
	'story',
	'resource',
	'opportunity'
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * What a moderator decides about a case: hide the content (or restore it), warn its author and
 * leave it up, suspend the author's account for some days, or take no action.
 */
export const DECISION_ACTIONS = ['hide', 'restore', 'warn', 'suspend', 'dismiss'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
/** Decisions the author is told about and may appeal once. */
export const APPEALABLE: readonly DecisionAction[] = ['hide', 'warn', 'suspend'];

export const MAX_NOTE = 1000;
export const MAX_STATEMENT = 2000;
export const MAX_SUSPENSION_DAYS = 365;

const words = (min: number, max: number, tooShort: string) =>
	userText(min, max, tooShort, 'error_moderation_too_long');

export const reportForm = z.object({
	reason: z.enum(REPORT_REASONS, { error: 'error_report_reason' }),
	note: words(0, MAX_NOTE, 'error_report_note').default('')
});

export const decisionForm = z
	.object({
		action: z.enum(DECISION_ACTIONS, { error: 'error_decision_action' }),
		ground: z.enum(REPORT_REASONS, { error: 'error_report_reason' }),
		statement: words(20, MAX_STATEMENT, 'error_decision_statement'),
		days: z.coerce.number().int().default(0)
	})
	.superRefine((d, ctx) => {
		if (d.action === 'suspend' && !(d.days >= 1 && d.days <= MAX_SUSPENSION_DAYS))
			ctx.addIssue({ code: 'custom', path: ['days'], message: 'error_decision_days' });
	});

export const appealForm = z.object({ text: words(20, MAX_STATEMENT, 'error_appeal_text') });

export const APPEAL_OUTCOMES = ['upheld', 'reversed'] as const;
export const appealDecisionForm = z.object({
	outcome: z.enum(APPEAL_OUTCOMES, { error: 'error_decision_action' }),
	statement: words(20, MAX_STATEMENT, 'error_decision_statement')
});
