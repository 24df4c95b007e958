import { eq } from 'drizzle-orm';
import type { Status } from '#lib/referrals/statuses.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { workplaceIds } from '../organisations/access.ts';
import { referral } from './schema.ts';

export type ReferralAction =
	| 'view'
	| 'message'
	| 'accept'
	| 'decline'
	| 'start'
	| 'complete'
	| 'close'
	| 'withdraw'
	| 'export-personal';

/** Is the actor active staff (admin or member) of the referring and of the receiving organisation? */
export type StaffOf = { from: boolean; to: boolean };

/**
 * Who may do what with one referral (docs/decisions/0007). Only the two organisations' active staff
 * and the person see it; platform administrators and moderators do not (they read the audit log and
 * the programme's aggregates). The receiving side moves it forward; the referring side may withdraw
 * it until it is accepted.
 */
export function canReferral(
	actor: Actor,
	action: ReferralAction,
	r: { status: Status; personUserId: string | null },
	staffOf: StaffOf
): boolean {
	if (!actor) return false;
	const staff = staffOf.from || staffOf.to;
	switch (action) {
		case 'view':
		case 'message':
			return staff || r.personUserId === actor.id;
		case 'export-personal':
			return staff;
		case 'accept':
		case 'decline':
			return staffOf.to && r.status === 'sent';
		case 'start':
			return staffOf.to && r.status === 'accepted';
		case 'complete':
		case 'close':
			return staffOf.to && (r.status === 'accepted' || r.status === 'in_progress');
		case 'withdraw':
			return staffOf.from && r.status === 'sent';
	}
}

/** The programme's aggregate dashboard and export (no personal data): platform administrators. */
export function canSeeProgramme(actor: Actor) {
	return !!actor?.roles.includes('administrator');
}

/**
 * Reads a referral with what the actor is to it, or null when the actor may not see it: callers
 * answer 404 then, so a referral's existence is not revealed.
 */
export async function loadReferralAccess(db: Db, actor: Actor, id: string) {
	if (!actor || !id || id.length > 100) return null;
	const [row] = await db.select().from(referral).where(eq(referral.id, id));
	if (!row) return null;
	const ids = await workplaceIds(db, actor, [row.fromOrganisationId, row.toOrganisationId]);
	const staffOf = { from: ids.has(row.fromOrganisationId), to: ids.has(row.toOrganisationId) };
	if (!canReferral(actor, 'view', row, staffOf)) return null;
	return { referral: row, staffOf };
}
