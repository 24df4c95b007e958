import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import * as m from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember, organisationInvitation } from './schema.ts';
import type { Mailer } from '../platform/mail.ts';
import type { SmsSender } from '../platform/sms.ts';
import { currentBrandName } from '../platform/brand-name.ts';
import { logger } from '../platform/logger.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { writeAudit } from '../platform/audit.ts';
import {
	accountForContact,
	contactValue,
	hashToken,
	isTokenShaped,
	newToken,
	parseContact,
	verifiedContacts,
	type Contact
} from './contact-tokens.ts';
import { organisationAccess } from './access.ts';
import type { NoticeDeps } from './admins.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { user } from '../accounts/schema.ts';

export const INVITATION_DAYS = 14;

/** What inviting needs; routes build it from the running services. Without senders nothing is sent. */
export type InvitationDeps = {
	db: Db;
	notifier: Notifier;
	mailer?: Mailer;
	sms?: SmsSender;
	origin?: string;
	/** The inviting admin's language, for a contact without an account. */
	locale?: string;
};

const localeOf = (v: string | undefined): Locale => (v && isLocale(v) ? v : baseLocale);

/** Like other platform mail, the message names no organisation: the link's page does. */
async function deliver(deps: InvitationDeps, contact: Contact, token: string) {
	if (!deps.origin) return;
	const account = await accountForContact(deps.db, contact);
	const locale = localeOf(account?.locale ?? deps.locale);
	const app = currentBrandName();
	const url = `${deps.origin}/${locale}/invitations/${token}`;
	const o = { locale };
	const text = account
		? m.org_invite_message_member({ app, url }, o)
		: m.org_invite_message_new({ app, url }, o);
	try {
		if (contact.email && deps.mailer)
			await deps.mailer.send({
				to: contact.email,
				subject: m.org_invite_subject({ app }, o),
				text
			});
		if (contact.phone && deps.sms) await deps.sms.send({ to: contact.phone, body: text });
	} catch (error) {
		// The admin's answer never depends on delivery: the outbox keeps what failed.
		logger.error({ err: String(error) }, 'invitation message not delivered');
	}
}

/**
 * An admin of an approved organisation invites someone by e-mail address or phone number. The
 * answer is the same whatever exists behind the contact (an account, a member, nobody), so it
 * cannot be used to find out who is on the platform: the invitation is stored and the contact gets
 * a link either way. Beyond the per-contact limit the answer stays the same and nothing is sent
 * (the invitation still waits on the person's account page); beyond the organisation's limit the
 * admin is told to wait, which depends on the organisation alone.
 */
export async function inviteToOrganisation(
	deps: InvitationDeps,
	actor: Actor,
	organisationId: string,
	raw: { contact: unknown },
	now = new Date()
): Promise<Result> {
	const { db } = deps;
	const access = await organisationAccess(db, actor, { id: organisationId });
	if (!access) return failure('not_found');
	if (!access.may('invite')) return failure('forbidden');
	const contact = parseContact(raw.contact);
	if (!contact) return failure('invalid', { contact: 'org_invite_error_contact' });
	if (!(await hitRateLimit(db, RULES.inviteByOrganisation, organisationId)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const value = contactValue(contact);
	const send = (await hitRateLimit(db, RULES.inviteByContact, value)).allowed;

	const { token, hash } = newToken();
	const id = randomUUID();
	const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
	await db.transaction(async (tx) => {
		// Expired invitations are not kept: their contacts served only to deliver them.
		await tx.delete(organisationInvitation).where(lt(organisationInvitation.expiresAt, now));
		const [row] = await tx
			.insert(organisationInvitation)
			.values({
				id,
				organisationId,
				contact: value,
				tokenHash: hash,
				invitedBy: actor!.id,
				expiresAt
			})
			.onConflictDoUpdate({
				target: [organisationInvitation.organisationId, organisationInvitation.contact],
				set: {
					tokenHash: hash,
					invitedBy: actor!.id,
					status: 'pending',
					answeredBy: null,
					answeredAt: null,
					expiresAt,
					createdAt: now
				}
			})
			.returning({ id: organisationInvitation.id });
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'organisation.invite',
			subjectType: 'organisation',
			subjectId: organisationId,
			detail: { invitationId: row.id, sent: send }
		});
		// Someone with an account also finds it in their notifications (not sent again: the
		// contact gets the invitation's own message). The admin's answer stays the same.
		const [invitee] = await tx
			.select({ id: user.id })
			.from(user)
			.where(
				contact.email
					? and(eq(user.email, contact.email), eq(user.emailVerified, true))
					: and(eq(user.phoneNumber, contact.phone!), eq(user.phoneNumberVerified, true))
			);
		if (invitee && invitee.id !== actor!.id)
			await deps.notifier.notify(tx, [
				{
					userId: invitee.id,
					kind: 'invitation_received',
					link: '/account/waiting',
					detail: { organisation: access.organisation.name },
					deliver: false
				}
			]);
	});
	if (send) await deliver(deps, contact, token);
	return ok();
}

/** An organisation's pending invitations, for its admins: the contact they typed, and when it ends. */
export async function pendingInvitations(db: Db, organisationId: string, now = new Date()) {
	return db
		.select({
			id: organisationInvitation.id,
			contact: organisationInvitation.contact,
			expiresAt: organisationInvitation.expiresAt
		})
		.from(organisationInvitation)
		.where(
			and(
				eq(organisationInvitation.organisationId, organisationId),
				eq(organisationInvitation.status, 'pending'),
				gt(organisationInvitation.expiresAt, now)
			)
		)
		.orderBy(asc(organisationInvitation.createdAt));
}

const open = (now: Date) =>
	and(
		eq(organisationInvitation.status, 'pending'),
		gt(organisationInvitation.expiresAt, now),
		eq(organisation.status, 'approved')
	);

const invitationView = {
	id: organisationInvitation.id,
	organisationId: organisationInvitation.organisationId,
	name: organisation.name,
	slug: organisation.slug
};

/** The invitation behind a link, whoever opens it (the link was sent to its contact), or null. */
export async function invitationByToken(db: Db, token: unknown, now = new Date()) {
	if (!isTokenShaped(token)) return null;
	const [row] = await db
		.select(invitationView)
		.from(organisationInvitation)
		.innerJoin(organisation, eq(organisation.id, organisationInvitation.organisationId))
		.where(and(eq(organisationInvitation.tokenHash, hashToken(token)), open(now)));
	return row ? { id: row.id, organisation: { name: row.name, slug: row.slug } } : null;
}

/** Invitations waiting for the actor: those sent to an e-mail address or phone number they verified. */
export async function invitationsFor(db: Db, actor: Actor, now = new Date()) {
	if (!actor) return [];
	const { contacts } = await verifiedContacts(db, actor.id);
	if (!contacts.length) return [];
	const rows = await db
		.select(invitationView)
		.from(organisationInvitation)
		.innerJoin(organisation, eq(organisation.id, organisationInvitation.organisationId))
		.where(and(inArray(organisationInvitation.contact, contacts), open(now)))
		.orderBy(asc(organisationInvitation.createdAt));
	return rows.map((r) => ({
		id: r.id,
		organisationId: r.organisationId,
		organisation: { name: r.name, slug: r.slug }
	}));
}

/**
 * The invitee answers. They find the invitation through the link sent to the contact (the token)
 * or on their account, matched by a contact they verified. Only accepting makes them a member.
 */
export async function answerInvitation(
	deps: NoticeDeps,
	actor: Actor,
	ref: { token: unknown } | { id: unknown },
	answer: 'accept' | 'decline',
	now = new Date()
): Promise<Result<{ slug: string }>> {
	const { db } = deps;
	if (!actor) return failure('forbidden');
	let found: { id: string; organisationId: string; slug: string } | undefined;
	if ('token' in ref) {
		if (!isTokenShaped(ref.token)) return failure('not_found');
		[found] = await db
			.select({
				id: invitationView.id,
				organisationId: invitationView.organisationId,
				slug: invitationView.slug
			})
			.from(organisationInvitation)
			.innerJoin(organisation, eq(organisation.id, organisationInvitation.organisationId))
			.where(and(eq(organisationInvitation.tokenHash, hashToken(ref.token)), open(now)));
	} else {
		found = (await invitationsFor(db, actor, now))
			.filter((i) => i.id === ref.id)
			.map((i) => ({ id: i.id, organisationId: i.organisationId, slug: i.organisation.slug }))[0];
	}
	if (!found) return failure('not_found', { form: 'org_invitation_not_found' });
	const invitation = found;
	return db.transaction(async (tx): Promise<Result<{ slug: string }>> => {
		const claimed = await tx
			.update(organisationInvitation)
			.set({
				status: answer === 'accept' ? 'accepted' : 'declined',
				answeredBy: actor.id,
				answeredAt: now
			})
			.where(
				and(
					eq(organisationInvitation.id, invitation.id),
					eq(organisationInvitation.status, 'pending')
				)
			)
			.returning({
				id: organisationInvitation.id,
				invitedBy: organisationInvitation.invitedBy
			});
		if (!claimed.length) return failure('not_found', { form: 'org_invitation_not_found' });
		const member = and(
			eq(organisationMember.organisationId, invitation.organisationId),
			eq(organisationMember.userId, actor.id)
		);
		const [existing] = await tx
			.select({ status: organisationMember.status })
			.from(organisationMember)
			.where(member);
		if (answer === 'accept') {
			if (!existing)
				await tx.insert(organisationMember).values({
					organisationId: invitation.organisationId,
					userId: actor.id,
					status: 'active'
				});
			else if (existing.status !== 'active')
				await tx.update(organisationMember).set({ status: 'active' }).where(member);
		} else if (existing?.status === 'invited') {
			await tx.delete(organisationMember).where(member);
		}
		await writeAudit(tx, {
			actorId: actor.id,
			action: `organisation.invitation.${answer}`,
			subjectType: 'organisation',
			subjectId: invitation.organisationId,
			detail: { invitationId: invitation.id, userId: actor.id }
		});
		const inviter = claimed[0].invitedBy;
		if (inviter && inviter !== actor.id) {
			const [about] = await tx
				.select({ organisation: organisation.name, person: user.name })
				.from(organisation)
				.innerJoin(user, eq(user.id, actor.id))
				.where(eq(organisation.id, invitation.organisationId));
			await deps.notifier.notify(tx, [
				{
					userId: inviter,
					kind: answer === 'accept' ? 'invitation_accepted' : 'invitation_declined',
					link: `/organisations/${invitation.slug}`,
					// Who declined is not said: accepting makes them a member, declining does not.
					detail:
						answer === 'accept'
							? { organisation: about?.organisation ?? '', person: about?.person ?? '' }
							: { organisation: about?.organisation ?? '' }
				}
			]);
		}
		return ok({ slug: invitation.slug });
	});
}

/** An admin withdraws a pending invitation of their organisation. */
export async function withdrawInvitation(
	db: Db,
	actor: Actor,
	organisationId: string,
	invitationId: string
): Promise<Result> {
	const access = await organisationAccess(db, actor, { id: organisationId });
	if (!access) return failure('not_found');
	if (!access.may('manage')) return failure('forbidden');
	const removed = await db
		.delete(organisationInvitation)
		.where(
			and(
				eq(organisationInvitation.id, invitationId.slice(0, 100)),
				eq(organisationInvitation.organisationId, organisationId),
				eq(organisationInvitation.status, 'pending')
			)
		)
		.returning({ id: organisationInvitation.id });
	if (!removed.length) return failure('not_found', { form: 'org_invitation_not_found' });
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'organisation.invitation.withdraw',
		subjectType: 'organisation',
		subjectId: organisationId,
		detail: { invitationId }
	});
	return ok();
}
