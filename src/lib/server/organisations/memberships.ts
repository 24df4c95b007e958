import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { organisation, organisationMember } from './schema.ts';
import { changeApplies, type MembershipChange } from './policy.ts';
import { organisationAccess } from './access.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { organisationAdminIds, type NoticeDeps } from './admins.ts';

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
export async function requestToJoin(
	deps: NoticeDeps,
	actor: Actor,
	organisationId: string
): Promise<Result> {
	const { db } = deps;
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
	await db.transaction(async (tx) => {
		const added = await tx
			.insert(organisationMember)
			.values({ organisationId, userId: actor!.id, status: 'requested' })
			.onConflictDoNothing()
			.returning({ userId: organisationMember.userId });
		if (!added.length) return;
		const [me] = await tx.select({ name: user.name }).from(user).where(eq(user.id, actor!.id));
		await deps.notifier.notify(
			tx,
			(await organisationAdminIds(tx, organisationId)).map((userId) => ({
				userId,
				kind: 'join_requested' as const,
				link: `/organisations/${org.slug}`,
				detail: { organisation: org.name, person: me?.name ?? '' }
			}))
		);
	});
	return ok();
}

/**
 * Accept a request, change an active member's role, or remove someone (a member, a request, an
 * invitation); the last admin always stays. Nobody becomes a member or an admin without having
 * asked or accepted: the other changes are refused (docs/decisions/0010).
 */
export async function setMembership(
	deps: NoticeDeps,
	actor: Actor,
	organisationId: string,
	userId: string,
	change: MembershipChange
): Promise<Result> {
	const { db } = deps;
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
		// A request answered: the person hears of it (someone leaving, or removed, does not).
		if (
			target.status === 'requested' &&
			!leavingSelf &&
			(change === 'accept' || change === 'remove')
		)
			await deps.notifier.notify(tx, [
				{
					userId,
					kind: change === 'accept' ? 'join_accepted' : 'join_declined',
					link: `/organisations/${access.organisation.slug}`,
					detail: { organisation: access.organisation.name }
				}
			]);
		return ok();
	});
}

/**
 * Administrators approve or reject proposed organisations. Rejecting needs a reason: the people
 * who proposed it are told, and read it on the organisation's page.
 */
export async function reviewOrganisation(
	deps: NoticeDeps,
	actor: Actor,
	organisationId: string,
	decision: 'approved' | 'rejected',
	reason = ''
): Promise<Result> {
	const { db } = deps;
	const access = await organisationAccess(db, actor, { id: organisationId });
	if (!access) return failure('not_found');
	if (!access.may('approve')) return failure('forbidden');
	const note = reason.trim().slice(0, 1000);
	if (decision === 'rejected' && !note)
		return failure('invalid', { reason: 'error_org_reason_required' });
	const org = access.organisation;
	await db.transaction(async (tx) => {
		await tx
			.update(organisation)
			.set({
				status: decision,
				reviewNote: decision === 'rejected' ? note : null,
				updatedAt: new Date()
			})
			.where(eq(organisation.id, organisationId));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: `organisation.${decision}`,
			subjectType: 'organisation',
			subjectId: organisationId,
			detail: note && decision === 'rejected' ? { reason: note } : null
		});
		if (org.status === decision) return;
		await deps.notifier.notify(
			tx,
			(await organisationAdminIds(tx, organisationId)).map((userId) => ({
				userId,
				kind:
					decision === 'approved'
						? ('organisation_approved' as const)
						: ('organisation_rejected' as const),
				link: `/organisations/${org.slug}`,
				detail: (decision === 'approved'
					? { organisation: org.name }
					: { organisation: org.name, reason: note }) as Record<string, string>
			}))
		);
	});
	return ok();
}

/** Most organisations one bulk approval takes (the form lists the pending ones). */
export const BULK_REVIEW_LIMIT = 100;

/**
 * Approves several pending organisations at once, each in its own transaction (and with its own
 * notices), so one that another administrator decided meanwhile does not stop the rest. Returns
 * the names of those approved and of those left as they were.
 */
export async function approveOrganisations(
	deps: NoticeDeps,
	actor: Actor,
	ids: string[]
): Promise<Result<{ approved: string[]; skipped: string[] }>> {
	if (!actor?.roles.includes('administrator')) return failure('forbidden');
	// Names, for the page to say what was done; ids that match nothing are left out.
	const wanted = [...new Set(ids)].slice(0, BULK_REVIEW_LIMIT);
	if (!wanted.length) return failure('invalid', { organisations: 'error_bulk_none_selected' });
	const approved: string[] = [];
	const skipped: string[] = [];
	const rows = await deps.db
		.select({ id: organisation.id, status: organisation.status, name: organisation.name })
		.from(organisation)
		.where(inArray(organisation.id, wanted));
	const byId = new Map(rows.map((r) => [r.id, r]));
	for (const id of wanted) {
		const row = byId.get(id);
		if (!row) continue;
		if (row.status !== 'pending') {
			skipped.push(row.name);
			continue;
		}
		const result = await reviewOrganisation(deps, actor, id, 'approved');
		(result.ok ? approved : skipped).push(row.name);
	}
	return ok({ approved, skipped });
}
