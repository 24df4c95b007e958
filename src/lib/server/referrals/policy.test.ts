import { describe, expect, it } from 'vitest';
import type { Role } from '#lib/accounts/roles.ts';
import { STATUSES, type Status } from '#lib/referrals/statuses.ts';
import type { Actor } from '../accounts/policy.ts';
import { canReferral, canSeeProgramme, type ReferralAction, type StaffOf } from './policy.ts';
import { REFERRAL_STATUSES } from './schema.ts';

const PERSON = 'person-1';
type Who = { actor: Actor; staffOf: StaffOf };
const someone = (id: string, roles: Role[] = []): Actor => ({ id, roles: ['member', ...roles] });
const none = { from: false, to: false };

const actors: Record<string, Who> = {
	referrer: { actor: someone('ref'), staffOf: { from: true, to: false } },
	receiver: { actor: someone('rec'), staffOf: { from: false, to: true } },
	'third organisation': { actor: someone('third'), staffOf: none },
	person: { actor: someone(PERSON), staffOf: none },
	moderator: { actor: someone('mod', ['moderator']), staffOf: none },
	administrator: { actor: someone('adm', ['administrator']), staffOf: none },
	visitor: { actor: null, staffOf: none }
};

/** The status in which each action is meant to happen. */
const statusFor: Record<ReferralAction, Status> = {
	view: 'in_progress',
	message: 'in_progress',
	accept: 'sent',
	decline: 'sent',
	start: 'accepted',
	complete: 'in_progress',
	close: 'accepted',
	withdraw: 'sent',
	'export-personal': 'completed'
};

// Expected answers: Y = allowed. Administrators and moderators see no referral content.
const expected: Record<string, Record<ReferralAction, 'Y' | '-'>> = {
	// prettier-ignore
	referrer:             { view: 'Y', message: 'Y', accept: '-', decline: '-', start: '-', complete: '-', close: '-', withdraw: 'Y', 'export-personal': 'Y' },
	// prettier-ignore
	receiver:             { view: 'Y', message: 'Y', accept: 'Y', decline: 'Y', start: 'Y', complete: 'Y', close: 'Y', withdraw: '-', 'export-personal': 'Y' },
	// prettier-ignore
	'third organisation': { view: '-', message: '-', accept: '-', decline: '-', start: '-', complete: '-', close: '-', withdraw: '-', 'export-personal': '-' },
	// prettier-ignore
	person:               { view: 'Y', message: 'Y', accept: '-', decline: '-', start: '-', complete: '-', close: '-', withdraw: '-', 'export-personal': '-' },
	// prettier-ignore
	moderator:            { view: '-', message: '-', accept: '-', decline: '-', start: '-', complete: '-', close: '-', withdraw: '-', 'export-personal': '-' },
	// prettier-ignore
	administrator:        { view: '-', message: '-', accept: '-', decline: '-', start: '-', complete: '-', close: '-', withdraw: '-', 'export-personal': '-' },
	// prettier-ignore
	visitor:              { view: '-', message: '-', accept: '-', decline: '-', start: '-', complete: '-', close: '-', withdraw: '-', 'export-personal': '-' }
};

const table = Object.entries(expected).flatMap(([who, row]) =>
	Object.entries(row).map(([action, answer]) => [who, action as ReferralAction, answer] as const)
);

describe('referral policy', () => {
	it.each(table)('%s → %s: %s', (who, action, answer) => {
		const { actor, staffOf } = actors[who];
		const r = { status: statusFor[action], personUserId: PERSON };
		expect(canReferral(actor, action, r, staffOf)).toBe(answer === 'Y');
	});

	const moves: [ReferralAction, Status[]][] = [
		['accept', ['sent']],
		['decline', ['sent']],
		['start', ['accepted']],
		['complete', ['accepted', 'in_progress']],
		['close', ['accepted', 'in_progress']]
	];
	it.each(moves)('the receiver may %s only from %j', (action, from) => {
		for (const status of STATUSES)
			expect(
				canReferral(
					actors.receiver.actor,
					action,
					{ status, personUserId: null },
					actors.receiver.staffOf
				)
			).toBe(from.includes(status));
	});

	it('the referrer may withdraw only while the referral waits for an answer', () => {
		for (const status of STATUSES)
			expect(
				canReferral(
					actors.referrer.actor,
					'withdraw',
					{ status, personUserId: null },
					actors.referrer.staffOf
				)
			).toBe(status === 'sent');
	});

	it('staff of both sides may do what either side may', () => {
		const both = { from: true, to: true };
		expect(canReferral(someone('x'), 'accept', { status: 'sent', personUserId: null }, both)).toBe(
			true
		);
		expect(
			canReferral(someone('x'), 'withdraw', { status: 'sent', personUserId: null }, both)
		).toBe(true);
	});

	it('a platform role gives no access to a referral, only to the programme figures', () => {
		for (const who of ['administrator', 'moderator'])
			for (const status of STATUSES)
				expect(canReferral(actors[who].actor, 'view', { status, personUserId: null }, none)).toBe(
					false
				);
		expect(canSeeProgramme(actors.administrator.actor)).toBe(true);
		expect(canSeeProgramme(actors.moderator.actor)).toBe(false);
		expect(canSeeProgramme(actors.receiver.actor)).toBe(false);
		expect(canSeeProgramme(null)).toBe(false);
	});

	it('the forms and the database know the same statuses', () => {
		expect([...STATUSES]).toEqual([...REFERRAL_STATUSES]);
	});
});
