/**
 * Referral statuses and what each transition needs, shared by the forms and the server. The server
 * schema keeps its own list for the column type; a test checks that both say the same.
 */
export const STATUSES = [
	'sent',
	'accepted',
	'declined',
	'in_progress',
	'completed',
	'closed'
] as const;
export type Status = (typeof STATUSES)[number];

/** Nothing happens to a referral in these states: no deadline, no reminder, no transition. */
export const FINAL_STATUSES: readonly Status[] = ['declined', 'completed', 'closed'];

export const TRANSITIONS = ['accept', 'decline', 'start', 'complete', 'close', 'withdraw'] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** The status each transition leads to. */
export const TARGET: Record<Transition, Status> = {
	accept: 'accepted',
	decline: 'declined',
	start: 'in_progress',
	complete: 'completed',
	close: 'closed',
	withdraw: 'closed'
};

/** How a referral ended; `withdrawn` is set only when the referring organisation withdraws it. */
export const COMPLETE_OUTCOMES = ['service_provided', 'partly_provided'] as const;
export const CLOSE_OUTCOMES = [
	'not_eligible',
	'person_unreachable',
	'person_declined',
	'referred_elsewhere',
	'other'
] as const;
export const OUTCOMES = [...COMPLETE_OUTCOMES, ...CLOSE_OUTCOMES, 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isFinal(status: string) {
	return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** Overdue: past its current deadline (acceptance, then closure) and not finished. */
export function isOverdue(r: { status: string; dueAt: Date | string }, now: Date) {
	return !isFinal(r.status) && new Date(r.dueAt).getTime() < now.getTime();
}

const DAY = 24 * 60 * 60 * 1000;

/** Deadline to accept or decline: `dueDays` after sending. */
export function acceptanceDeadline(sentAt: Date, dueDays: number) {
	return new Date(sentAt.getTime() + dueDays * DAY);
}

/** Once accepted, the service has four times as long to close the referral with feedback. */
export function closureDeadline(acceptedAt: Date, dueDays: number) {
	return new Date(acceptedAt.getTime() + 4 * dueDays * DAY);
}
