import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from './schema.ts';
import { changeApplies, type MembershipChange } from './policy.ts';
import { organisationAccess } from './access.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';

async function audit(db: Tx, actor: Actor, action: string, organisationId: string, userId: string) {
	await writeAudit(db, {
		actorId: actor!.id,
		action,
		subjectType: 'organisation',
		subjectId: organisationId,
		detail: { userId }
	});
}

/**
 * A member asks to join; an organisation admin decides. Someone holding an invitation recorded as
 * a membership (before invitations had their own table) accepts it here, by their own action.
 */
export async function requestToJoin(db: Db, actor: Actor, organisationId: string): Promise<Result> {
	const access = await organisationAccess(db, actor, { id: organisationId });
	if (!access) return failure('not_found');
	const { organisation: org, membership } = access;
	const where = and(
		eq(organisationMember.organisationId, organisationId),
		eq(organisationMember.userId, actor?.id ?? '')
	);
	if (actor && membership?.status === 'invited' && org.status === 'approved') {
		await db.update(organisationMember).set({ status: 'active' }).where(where);
		await audit(db, actor, 'organisation.invitation.accept', organisationId, actor.id);
		return ok();
	}
	if (!access.may('request-join'))
		return membership
			? failure('conflict', { form: 'error_org_already_member' })
			: failure('forbidden');
	await db
		.insert(organisationMember)
		.values({ organisationId, userId: actor!.id, status: 'requested' })
		.onConflictDoNothing();
	return ok();
}

/**
 * Accept a request, change an active member's role, or remove someone (a member, a request, an
 * invitation); the last admin always stays. Nobody becomes a member or an admin without having
 * asked or accepted: the other changes are refused (docs/decisions/0010).
 */
export async function setMembership(
	db: Db,
	actor: Actor,
	organisationId: string,
	userId: string,
	change: MembershipChange
): Promise<Result> {
	const access = await organisationAccess(db, actor, { id: organisationId });
	if (!access) return failure('not_found');
	const leavingSelf = change === 'remove' && actor?.id === userId;
	if (!leavingSelf && !access.may('manage')) return failure('forbidden');
	const where = and(
		eq(organisationMember.organisationId, organisationId),
		eq(organisationMember.userId, userId)
	);
	return db.transaction(async (tx): Promise<Result> => {
		const [target] = await tx.select().from(organisationMember).where(where);
		if (!target) return failure('not_found', { form: 'error_org_membership_not_found' });
		if (!changeApplies(change, target))
			return failure('conflict', { form: 'error_org_change_needs_consent' });
		if (
			(change === 'remove' || change === 'make-member') &&
			target.role === 'admin' &&
			target.status === 'active'
		) {
			const admins = await tx
				.select({ userId: organisationMember.userId })
				.from(organisationMember)
				.where(
					and(
						eq(organisationMember.organisationId, organisationId),
						eq(organisationMember.role, 'admin'),
						eq(organisationMember.status, 'active')
					)
				);
			if (admins.length <= 1) return failure('conflict', { form: 'error_org_last_admin' });
		}
		if (change === 'remove') await tx.delete(organisationMember).where(where);
		if (change === 'accept')
			await tx.update(organisationMember).set({ status: 'active' }).where(where);
		if (change === 'make-admin')
			await tx.update(organisationMember).set({ role: 'admin' }).where(where);
		if (change === 'make-member')
			await tx.update(organisationMember).set({ role: 'member' }).where(where);
		await audit(tx, actor, `organisation.member.${change}`, organisationId, userId);
		return ok();
	});
}

/** Administrators approve or reject proposed organisations. */
export async function reviewOrganisation(
	db: Db,
	actor: Actor,
	organisationId: string,
	decision: 'approved' | 'rejected'
): Promise<Result> {
	const access = await organisationAccess(db, actor, { id: organisationId });
	if (!access) return failure('not_found');
	if (!access.may('approve')) return failure('forbidden');
	await db
		.update(organisation)
		.set({ status: decision, updatedAt: new Date() })
		.where(eq(organisation.id, organisationId));
	await writeAudit(db, {
		actorId: actor!.id,
		action: `organisation.${decision}`,
		subjectType: 'organisation',
		subjectId: organisationId
	});
	return ok();
}
