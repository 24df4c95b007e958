import { anonymiseReferralsOf } from '../referrals/person-data.ts';
import { eq, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Storage } from '../platform/storage.ts';
import { account, session, user, userRole } from '../accounts/schema.ts';
import { auditLog, outbox } from '../platform/schema.ts';
import { memberProfile, organisation, organisationMember } from './schema.ts';
import { removePhotoFiles } from './photo.ts';
import { referralsAboutPerson } from '../referrals/person-data.ts';
import { pseudonymiseAuditOf, writeAudit } from '../platform/audit.ts';

/** Everything stored about a person, as they may download it (no secrets: no password hash, no tokens). */
export async function exportMyData(db: Db, userId: string) {
	const [me] = await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			emailVerified: user.emailVerified,
			phoneNumber: user.phoneNumber,
			locale: user.locale,
			createdAt: user.createdAt
		})
		.from(user)
		.where(eq(user.id, userId));
	if (!me) return null;
	const [profile] = await db.select().from(memberProfile).where(eq(memberProfile.userId, userId));
	const contact = [me.email, me.phoneNumber].filter((c): c is string => !!c);
	return {
		exportedAt: new Date().toISOString(),
		account: { ...me, email: me.email.endsWith('.invalid') ? null : me.email },
		signInMethods: (
			await db
				.select({ provider: account.providerId, createdAt: account.createdAt })
				.from(account)
				.where(eq(account.userId, userId))
		).map((a) => ({ provider: a.provider, since: a.createdAt })),
		roles: (
			await db.select({ role: userRole.role }).from(userRole).where(eq(userRole.userId, userId))
		).map((r) => r.role),
		sessions: await db
			.select({
				createdAt: session.createdAt,
				expiresAt: session.expiresAt,
				userAgent: session.userAgent,
				ipAddress: session.ipAddress
			})
			.from(session)
			.where(eq(session.userId, userId)),
		profile: profile
			? {
					headline: profile.headline,
					bio: profile.bio,
					city: profile.city,
					residenceCountry: profile.residenceCountry,
					originCountries: profile.originCountries,
					languages: profile.languages,
					expertise: profile.expertise,
					interests: profile.interests,
					links: profile.links,
					hasPhoto: !!profile.photo,
					contentLocale: profile.contentLocale,
					listed: profile.listed,
					visibility: profile.visibility,
					updatedAt: profile.updatedAt
				}
			: null,
		organisations: await db
			.select({
				organisation: organisation.name,
				slug: organisation.slug,
				role: organisationMember.role,
				status: organisationMember.status,
				since: organisationMember.createdAt
			})
			.from(organisationMember)
			.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
			.where(eq(organisationMember.userId, userId)),
		messagesSentToYou: contact.length
			? await db
					.select({
						channel: outbox.channel,
						subject: outbox.subject,
						status: outbox.status,
						createdAt: outbox.createdAt
					})
					.from(outbox)
					.where(or(...contact.map((c) => eq(outbox.recipient, c))))
			: [],
		referralsAboutYou: await referralsAboutPerson(db, userId),
		recordedActions: await db
			.select({
				action: auditLog.action,
				subjectType: auditLog.subjectType,
				createdAt: auditLog.createdAt
			})
			.from(auditLog)
			.where(or(eq(auditLog.actorId, userId), eq(auditLog.subjectId, userId)))
	};
}

/**
 * Erasure: the account, profile, photo, sessions, sign-in methods, roles and memberships go (cascades);
 * messages kept for them are deleted; the audit trail keeps its rows but loses who they were about.
 */
export async function deleteMyAccount(deps: { db: Db; storage: Storage }, userId: string) {
	const [me] = await deps.db
		.select({ email: user.email, phone: user.phoneNumber })
		.from(user)
		.where(eq(user.id, userId));
	if (!me) return false;
	const [profile] = await deps.db
		.select({ photo: memberProfile.photo })
		.from(memberProfile)
		.where(eq(memberProfile.userId, userId));
	await deps.db.transaction(async (tx) => {
		const contact = [me.email, me.phone].filter((c): c is string => !!c);
		if (contact.length)
			await tx.delete(outbox).where(or(...contact.map((c) => eq(outbox.recipient, c))));
		await anonymiseReferralsOf(tx, userId);
		await writeAudit(tx, {
			actorId: userId,
			action: 'account.erased',
			subjectType: 'user',
			subjectId: userId
		});
		// After the row above, so that it too keeps only the pseudonym.
		await pseudonymiseAuditOf(tx, userId);
		await tx.delete(user).where(eq(user.id, userId));
	});
	if (profile?.photo) await removePhotoFiles(deps.storage, userId, profile.photo.version);
	return true;
}
