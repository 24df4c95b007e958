import { asc, eq } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { messageForm } from '#lib/referrals/forms.ts';
import type { ThreadEntry } from '#lib/referrals/view.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { canReferral, loadReferralAccess } from './policy.ts';
import { referralParties, tell } from './notify.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { referralEvent } from './schema.ts';

/**
 * Staff of either organisation and the person write on the referral's thread; the person reads it
 * too (their right of access), which the form tells the writer. The audit keeps that a message was written,
 * never its text.
 */
export async function postMessage(
	deps: { db: Db; notifier: Notifier },
	actor: Actor,
	referralId: string,
	raw: unknown,
	now = new Date()
): Promise<Result> {
	const { db } = deps;
	const access = await loadReferralAccess(db, actor, referralId);
	if (!access) return failure('not_found');
	if (!canReferral(actor, 'message', access.referral, access.staffOf)) return failure('forbidden');
	const parsed = messageForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	await db.transaction(async (tx) => {
		await tx.insert(referralEvent).values({
			referralId,
			actorId: actor!.id,
			kind: 'message',
			body: parsed.data.body,
			createdAt: now
		});
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'referral.message',
			subjectType: 'referral',
			subjectId: referralId
		});
		// Everyone else on the referral hears of it: both organisations, and the person (by SMS
		// when their account has no e-mail address). The notice carries no words of the message.
		const parties = await referralParties(tx, access.referral);
		await tell(
			deps.notifier,
			tx,
			[...parties.from, ...parties.to, ...parties.person],
			{ referralId, actorId: actor!.id },
			'referral_message'
		);
	});
	return ok();
}

/**
 * The history and messages, oldest first. The person sees the messages and each status change,
 * but not the reasons and feedback the two organisations wrote to each other with them.
 */
export async function readThread(
	db: Db,
	referralId: string,
	viewer: { staff: boolean }
): Promise<ThreadEntry[]> {
	const rows = await db
		.select({
			id: referralEvent.id,
			kind: referralEvent.kind,
			status: referralEvent.status,
			body: referralEvent.body,
			author: user.name,
			createdAt: referralEvent.createdAt
		})
		.from(referralEvent)
		.leftJoin(user, eq(user.id, referralEvent.actorId))
		.where(eq(referralEvent.referralId, referralId))
		.orderBy(asc(referralEvent.createdAt), asc(referralEvent.id));
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		body: r.kind === 'status' && !viewer.staff ? null : r.body,
		author: r.author,
		createdAt: r.createdAt.toISOString()
	}));
}
