import { anonymiseReferralsOf } from '../referrals/person-data.ts';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { Storage } from '../platform/storage.ts';
import { account, session, user, userRole } from '../accounts/schema.ts';
import { auditLog, outbox } from '../platform/schema.ts';
import { memberProfile } from './schema.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { removePhotoFiles } from './photo.ts';
import { forgetDirectoryOptions } from './directory-options.ts';
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

/** The admin-role lock shared with role changes (accounts/roles.ts): one change at a time. */
const ADMIN_LOCK = 7_203_416;

/**
 * What stops an erasure: the platform's last administrator, or the last active administrator of
 * an organisation, would leave it with nobody to run it. They hand the role over first.
 */
export async function erasureBlockers(db: Tx, userId: string) {
	const admins = await db
		.select({ userId: userRole.userId })
		.from(userRole)
		.where(eq(userRole.role, 'administrator'));
	const lastPlatformAdmin = admins.length === 1 && admins[0].userId === userId;
	const soleAdminOf = await db
		.select({ name: organisation.name, slug: organisation.slug })
		.from(organisationMember)
		.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
		.where(
			and(
				eq(organisationMember.userId, userId),
				eq(organisationMember.role, 'admin'),
				eq(organisationMember.status, 'active'),
				sql`(select count(*) from organisation_member a where a.organisation_id = ${organisationMember.organisationId} and a.role = 'admin' and a.status = 'active') = 1`
			)
		);
	return { lastPlatformAdmin, soleAdminOf };
}

/**
 * Erasure: the account, profile, photo, sessions, sign-in methods, roles and memberships go (cascades);
 * messages kept for them are deleted; referrals about them are anonymised; the audit trail keeps
 * what they did under a pseudonym (platform/audit.ts). Refused while the person is the last
 * administrator of the platform or of an organisation.
 */
export async function deleteMyAccount(
	deps: { db: Db; storage: Storage },
	userId: string
): Promise<Result> {
	const [me] = await deps.db
		.select({ email: user.email, phone: user.phoneNumber })
		.from(user)
		.where(eq(user.id, userId));
	if (!me) return failure('not_found');
	const [profile] = await deps.db
		.select({ photo: memberProfile.photo })
		.from(memberProfile)
		.where(eq(memberProfile.userId, userId));
	const result = await deps.db.transaction(async (tx): Promise<Result> => {
		await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_LOCK})`);
		const blockers = await erasureBlockers(tx, userId);
		if (blockers.lastPlatformAdmin) return failure('conflict', { form: 'error_delete_last_admin' });
		if (blockers.soleAdminOf.length)
			return failure('conflict', { form: 'error_delete_last_org_admin' });
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
		return ok();
	});
	if (result.ok && profile?.photo)
		await removePhotoFiles(deps.storage, userId, profile.photo.version);
	if (result.ok) forgetDirectoryOptions();
	return result;
}
