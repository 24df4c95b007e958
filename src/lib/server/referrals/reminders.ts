import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { organisation } from '../organisations/schema.ts';
import { organisationAdminIds } from '../organisations/admins.ts';
import { writeAudit } from '../platform/audit.ts';
import { overdueWhere } from './list-referrals.ts';
import { tell } from './notify.ts';
import { referral } from './schema.ts';

/** Not yet reminded in its current period: each deadline (acceptance, closure) earns one reminder. */
const notRemindedThisPeriod = or(
	isNull(referral.remindedAt),
	lt(referral.remindedAt, referral.dueAt)
);

/**
 * Tells the receiving organisation's admins about each overdue referral, once per overdue period
 * (notifications: in their language, by their channel, with a link only). Each referral is claimed by a conditional update before
 * anything is sent, so instances running this together never remind twice. Returns how many
 * referrals were reminded about. Called by the background job runner.
 */
export async function remindOverdueReferrals(
	deps: { db: Db; notifier: Notifier },
	now = new Date()
): Promise<number> {
	const { db } = deps;
	const due = await db
		.select({ id: referral.id, to: referral.toOrganisationId, name: organisation.name })
		.from(referral)
		.innerJoin(organisation, eq(organisation.id, referral.toOrganisationId))
		.where(and(overdueWhere(now), notRemindedThisPeriod))
		.limit(500);
	let reminded = 0;
	for (const r of due) {
		const claimed = await db.transaction(async (tx) => {
			const rows = await tx
				.update(referral)
				.set({ remindedAt: now })
				.where(and(eq(referral.id, r.id), overdueWhere(now), notRemindedThisPeriod))
				.returning({ id: referral.id });
			if (!rows.length) return false;
			await writeAudit(tx, {
				actorId: null,
				action: 'referral.remind',
				subjectType: 'referral',
				subjectId: r.id
			});
			await tell(
				deps.notifier,
				tx,
				await organisationAdminIds(tx, r.to),
				{ referralId: r.id, actorId: null },
				'referral_overdue',
				{ organisation: r.name }
			);
			return true;
		});
		if (!claimed) continue;
		reminded++;
	}
	return reminded;
}
