import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Mailer } from '../platform/mail.ts';
import { config } from '../platform/config.ts';
import { writeAudit } from '../platform/audit.ts';
import { overdueWhere } from './list-referrals.ts';
import { organisationAdmins, sendReferralEmails } from './notify.ts';
import { referral } from './schema.ts';

/** Not yet reminded in its current period: each deadline (acceptance, closure) earns one reminder. */
const notRemindedThisPeriod = or(
	isNull(referral.remindedAt),
	lt(referral.remindedAt, referral.dueAt)
);

/**
 * E-mails the receiving organisation's admins about each overdue referral, once per overdue period,
 * in their language and with a link only. Each referral is claimed by a conditional update before
 * anything is sent, so instances running this together never remind twice. Returns how many
 * referrals were reminded about. Called by the background job runner.
 */
export async function remindOverdueReferrals(
	db: Db,
	mailer: Mailer,
	now = new Date(),
	origin = config().origin
): Promise<number> {
	const due = await db
		.select({ id: referral.id, to: referral.toOrganisationId })
		.from(referral)
		.where(and(overdueWhere(now), notRemindedThisPeriod))
		.limit(500);
	let reminded = 0;
	for (const r of due) {
		const claimed = await db
			.update(referral)
			.set({ remindedAt: now })
			.where(and(eq(referral.id, r.id), overdueWhere(now), notRemindedThisPeriod))
			.returning({ id: referral.id });
		if (!claimed.length) continue;
		await writeAudit(db, {
			actorId: null,
			action: 'referral.remind',
			subjectType: 'referral',
			subjectId: r.id
		});
		await sendReferralEmails(mailer, await organisationAdmins(db, r.to), {
			kind: 'overdue',
			origin,
			referralId: r.id
		});
		reminded++;
	}
	return reminded;
}
