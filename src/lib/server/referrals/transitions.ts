import { and, eq } from 'drizzle-orm';
import { fieldErrors, type FieldErrors } from '#lib/accounts/schemas.ts';
import { expectedStatus, transitionForm, type TransitionInput } from '#lib/referrals/forms.ts';
import { closureDeadline, TARGET, type Status } from '#lib/referrals/statuses.ts';
import type { Actor } from '../accounts/policy.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { ReferralDeps } from './deps.ts';
import { referralParties, tell } from './notify.ts';
import { canReferral, loadReferralAccess } from './policy.ts';
import { referral, referralEvent } from './schema.ts';

const FIELDS = ['reason', 'outcome', 'feedback'];

/** Errors on the transition's own fields stay there; anything else concerns the whole form. */
function formErrors(error: Parameters<typeof fieldErrors>[0]): FieldErrors {
	const out: FieldErrors = {};
	for (const [field, key] of Object.entries(fieldErrors(error)))
		out[FIELDS.includes(field) ? field : 'form'] ??= key;
	return out;
}

/** The columns a transition sets besides the status. */
function changes(input: TransitionInput, now: Date, dueDays: number) {
	switch (input.transition) {
		case 'accept':
			// A new period starts: a new deadline, and a new reminder once it passes.
			return { acceptedAt: now, dueAt: closureDeadline(now, dueDays), remindedAt: null };
		case 'start':
			return {};
		case 'decline':
			return { reason: input.reason, closedAt: now };
		case 'complete':
		case 'close':
			return { outcome: input.outcome, feedback: input.feedback, closedAt: now };
		case 'withdraw':
			return { outcome: 'withdrawn', feedback: input.feedback, closedAt: now };
	}
}

function eventBody(input: TransitionInput) {
	if (input.transition === 'decline') return input.reason;
	if ('feedback' in input) return input.feedback;
	return null;
}

/**
 * Moves a referral on: the receiving side accepts, declines (with a reason), starts, completes or
 * closes it (with an outcome and feedback for the referring side); the referring side may withdraw
 * it while it waits. `expected` is the status the viewer's form showed; if it has changed since,
 * nothing is written and the viewer is told.
 */
export async function changeStatus(
	deps: ReferralDeps,
	actor: Actor,
	referralId: string,
	raw: { expected: unknown } & Record<string, unknown>,
	now = new Date()
): Promise<Result<Status>> {
	const { db } = deps;
	const access = await loadReferralAccess(db, actor, referralId);
	if (!access) return failure('not_found');
	const parsed = transitionForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', formErrors(parsed.error));
	const expected = expectedStatus.safeParse(raw.expected);
	if (!expected.success) return failure('invalid', { form: 'referral_error_transition_invalid' });
	const input = parsed.data;
	const r = access.referral;
	if (r.status !== expected.data) return failure('conflict', { form: 'referral_error_changed' });
	if (!canReferral(actor, input.transition, r, access.staffOf)) return failure('forbidden');

	const status = TARGET[input.transition];
	const written = await db.transaction(async (tx) => {
		const updated = await tx
			.update(referral)
			.set({ status, updatedAt: now, ...changes(input, now, deps.dueDays) })
			// Another change may have landed between the read and this write.
			.where(and(eq(referral.id, r.id), eq(referral.status, expected.data)))
			.returning({ id: referral.id });
		if (!updated.length) return false;
		await tx.insert(referralEvent).values({
			referralId: r.id,
			actorId: actor!.id,
			kind: 'status',
			status,
			body: eventBody(input),
			createdAt: now
		});
		await writeAudit(tx, {
			actorId: actor!.id,
			action: `referral.${input.transition}`,
			subjectType: 'referral',
			subjectId: r.id,
			detail: { from: r.status, to: status }
		});
		// The other side hears of it, and the person when their account is linked: the caseworker
		// who referred (or their organisation's admins), or the receiving organisation's admins
		// when it is withdrawn. In the same transaction, so a saved change always has its notice.
		const parties = await referralParties(tx, r);
		await tell(
			deps.notifier,
			tx,
			input.transition === 'withdraw' ? parties.to : [...parties.from, ...parties.person],
			{ referralId: r.id, actorId: actor!.id },
			'referral_status',
			{ status }
		);
		return true;
	});
	if (!written) return failure('conflict', { form: 'referral_error_changed' });

	return ok(status);
}
