import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { organisation, organisationMember } from '../members/schema.ts';
import { canOrg, membershipOf } from './policy.ts';
import { writeAudit } from '../platform/audit.ts';

type Result =
	{ ok: true } | { ok: false; reason: 'forbidden' | 'not-found' | 'conflict' | 'last-admin' };

async function findOrg(db: Db, id: string) {
	const [org] = await db
		.select({ id: organisation.id, status: organisation.status })
		.from(organisation)
		.where(eq(organisation.id, id));
	return org ?? null;
}

async function audit(db: Db, actor: Actor, action: string, organisationId: string, userId: string) {
	await writeAudit(db, {
		actorId: actor!.id,
		action,
		subjectType: 'organisation',
		subjectId: organisationId,
		detail: { userId }
	});
}

/** A member asks to join; an organisation admin decides. */
export async function requestToJoin(db: Db, actor: Actor, organisationId: string): Promise<Result> {
	const org = await findOrg(db, organisationId);
	if (!org) return { ok: false, reason: 'not-found' };
	const membership = await membershipOf(db, actor, organisationId);
	if (membership?.status === 'invited') {
		await db
			.update(organisationMember)
			.set({ status: 'active' })
			.where(
				and(
					eq(organisationMember.organisationId, organisationId),
					eq(organisationMember.userId, actor!.id)
				)
			);
		return { ok: true };
	}
	if (!canOrg(actor, 'request-join', org, membership))
		return { ok: false, reason: membership ? 'conflict' : 'forbidden' };
	await db
		.insert(organisationMember)
		.values({ organisationId, userId: actor!.id, status: 'requested' })
		.onConflictDoNothing();
	return { ok: true };
}

/** An organisation admin invites an existing account by its e-mail address or phone number. */
export async function inviteMember(
	db: Db,
	actor: Actor,
	organisationId: string,
	contact: string
): Promise<Result> {
	const org = await findOrg(db, organisationId);
	if (!org) return { ok: false, reason: 'not-found' };
	if (!canOrg(actor, 'manage', org, await membershipOf(db, actor, organisationId)))
		return { ok: false, reason: 'forbidden' };
	const value = contact.trim().toLowerCase();
	const [invitee] = await db
		.select({ id: user.id })
		.from(user)
		.where(value.startsWith('+') ? eq(user.phoneNumber, value) : eq(user.email, value));
	if (!invitee) return { ok: false, reason: 'not-found' };
	const inserted = await db
		.insert(organisationMember)
		.values({ organisationId, userId: invitee.id, status: 'invited' })
		.onConflictDoNothing()
		.returning({ userId: organisationMember.userId });
	if (!inserted.length) return { ok: false, reason: 'conflict' };
	await audit(db, actor, 'organisation.invite', organisationId, invitee.id);
	return { ok: true };
}

/** Accept a request, change a role, or remove someone; the last admin always stays. */
export async function setMembership(
	db: Db,
	actor: Actor,
	organisationId: string,
	userId: string,
	change: 'accept' | 'make-admin' | 'make-member' | 'remove'
): Promise<Result> {
	const org = await findOrg(db, organisationId);
	if (!org) return { ok: false, reason: 'not-found' };
	const own = await membershipOf(db, actor, organisationId);
	const leavingSelf = change === 'remove' && actor?.id === userId;
	if (!leavingSelf && !canOrg(actor, 'manage', org, own)) return { ok: false, reason: 'forbidden' };
	const where = and(
		eq(organisationMember.organisationId, organisationId),
		eq(organisationMember.userId, userId)
	);
	return db.transaction(async (tx) => {
		const [target] = await tx.select().from(organisationMember).where(where);
		if (!target) return { ok: false, reason: 'not-found' } as const;
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
			if (admins.length <= 1) return { ok: false, reason: 'last-admin' } as const;
		}
		if (change === 'remove') await tx.delete(organisationMember).where(where);
		if (change === 'accept')
			await tx.update(organisationMember).set({ status: 'active' }).where(where);
		if (change === 'make-admin')
			await tx.update(organisationMember).set({ role: 'admin', status: 'active' }).where(where);
		if (change === 'make-member')
			await tx.update(organisationMember).set({ role: 'member' }).where(where);
		await audit(
			tx as unknown as Db,
			actor,
			`organisation.member.${change}`,
			organisationId,
			userId
		);
		return { ok: true } as const;
	});
}

/** Administrators approve or reject proposed organisations. */
export async function reviewOrganisation(
	db: Db,
	actor: Actor,
	organisationId: string,
	decision: 'approved' | 'rejected'
): Promise<Result> {
	const org = await findOrg(db, organisationId);
	if (!org) return { ok: false, reason: 'not-found' };
	if (!canOrg(actor, 'approve', org, null)) return { ok: false, reason: 'forbidden' };
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
	return { ok: true };
}
