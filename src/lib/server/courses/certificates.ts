import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { user } from '../accounts/schema.ts';
import { setting } from '../platform/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { organisation } from '../organisations/schema.ts';
import {
	issuerDocuments,
	newIssuerKey,
	OB_V3,
	sign,
	statusListCredential,
	VC_V2,
	verify,
	type Documents
} from './credentials.ts';
import { certificate, course, enrolment } from './schema.ts';
import { courseAccess } from './access.ts';
import type { Actor } from '../accounts/policy.ts';

export type CredentialDeps = { db: Db; origin: string; platformName: string };

const KEY_SETTING = 'credential_issuer_key';
export const issuerPath = '/api/v1/credentials/issuer';
export const statusListPath = '/api/v1/credentials/status/1';

/**
 * The platform's signing key, made once and kept in the database with the issuer id it was
 * made for (a later change of address leaves earlier certificates verifiable under their own).
 */
async function issuerKey(db: Db | Tx, origin: string): Promise<Record<string, unknown>> {
	const [row] = await db.select().from(setting).where(eq(setting.key, KEY_SETTING));
	if (row) return row.value as Record<string, unknown>;
	const made = await newIssuerKey(`${origin}${issuerPath}`);
	await db.insert(setting).values({ key: KEY_SETTING, value: made }).onConflictDoNothing();
	const [kept] = await db.select().from(setting).where(eq(setting.key, KEY_SETTING));
	return kept.value as Record<string, unknown>;
}

let listCache: { key: string; credential: Record<string, unknown> } | null = null;

/** The platform's own documents a verifier loads: its controller document, key, status list. */
export async function platformDocuments(db: Db | Tx, origin: string) {
	const stored = await issuerKey(db, origin);
	const docs = await issuerDocuments(stored);
	const issuerId = String(stored.controller);
	const base = issuerId.slice(0, -issuerPath.length);
	const statusId = `${base}${statusListPath}`;
	const statusList = async () => {
		const revoked = (
			await db
				.select({ i: certificate.statusIndex })
				.from(certificate)
				.where(isNotNull(certificate.revokedAt))
		).map((r) => r.i);
		const key = revoked.sort((a, b) => a - b).join(',');
		if (listCache?.key !== key)
			listCache = {
				key,
				credential: await statusListCredential(statusId, issuerId, revoked, stored, async (u) =>
					u === issuerId ? docs.controller : u === docs.keyId ? docs.key : null
				)
			};
		return listCache.credential;
	};
	const documents: Documents = async (url) =>
		url === issuerId
			? docs.controller
			: url === docs.keyId
				? docs.key
				: url === statusId
					? statusList()
					: null;
	return { stored, issuerId, statusId, documents, statusList, controller: docs.controller };
}

/**
 * Issues the certificate of a course the learner completed (once: a second call returns the
 * first), signed with the platform's key: an OpenBadgeCredential naming the learner and the
 * course, with its entry in the revocation list.
 */
export async function issueCertificate(
	deps: CredentialDeps,
	courseId: string,
	userId: string
): Promise<Result<{ id: string }>> {
	const { db } = deps;
	const [done] = await db
		.select({
			completedAt: enrolment.completedAt,
			name: user.name,
			title: course.title,
			summary: course.summary,
			slug: course.slug,
			language: course.language,
			org: organisation.name
		})
		.from(enrolment)
		.innerJoin(course, eq(course.id, enrolment.courseId))
		.innerJoin(user, eq(user.id, enrolment.userId))
		.leftJoin(organisation, eq(organisation.id, course.organisationId))
		.where(and(eq(enrolment.courseId, courseId), eq(enrolment.userId, userId)));
	if (!done?.completedAt) return failure('not_found');
	const [existing] = await db
		.select({ id: certificate.id })
		.from(certificate)
		.where(and(eq(certificate.courseId, courseId), eq(certificate.userId, userId)));
	if (existing) return ok({ id: existing.id });
	const p = await platformDocuments(db, deps.origin);
	const base = p.issuerId.slice(0, -issuerPath.length);
	const id = randomUUID();
	const made = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(certificate)
			.values({ id, courseId, userId })
			.onConflictDoNothing()
			.returning({ statusIndex: certificate.statusIndex });
		if (!row) return null;
		const when = done.completedAt!.toISOString().replace(/\.\d+Z$/, 'Z');
		const credential = await sign(
			{
				'@context': [VC_V2, OB_V3],
				id: `urn:uuid:${id}`,
				type: ['VerifiableCredential', 'OpenBadgeCredential'],
				name: done.title,
				issuer: { id: p.issuerId, type: ['Profile'], name: deps.platformName, url: base },
				validFrom: when,
				credentialSubject: {
					type: ['AchievementSubject'],
					identifier: [
						{ type: 'IdentityObject', identityHash: done.name, identityType: 'name', hashed: false }
					],
					achievement: {
						id: `${base}/${done.language}/courses/${done.slug}`,
						type: ['Achievement'],
						name: done.title,
						description: done.summary,
						criteria: { narrative: 'Every lesson of the course read and its quizzes passed.' },
						...(done.org
							? {
									creator: {
										id: `${base}/${done.language}/courses/${done.slug}#author`,
										type: ['Profile'],
										name: done.org
									}
								}
							: {})
					}
				},
				credentialStatus: {
					id: `${p.statusId}#${row.statusIndex}`,
					type: 'BitstringStatusListEntry',
					statusPurpose: 'revocation',
					statusListIndex: String(row.statusIndex),
					statusListCredential: p.statusId
				}
			},
			p.stored,
			p.documents
		);
		await tx.update(certificate).set({ credential }).where(eq(certificate.id, id));
		return id;
	});
	if (made) return ok({ id: made });
	const [again] = await db
		.select({ id: certificate.id })
		.from(certificate)
		.where(and(eq(certificate.courseId, courseId), eq(certificate.userId, userId)));
	return ok({ id: again.id });
}

/** A certificate as its public page shows it, verified now with the same libraries. */
export async function certificateView(db: Db, origin: string, id: string) {
	if (!/^[0-9a-f-]{36}$/.test(id)) return null;
	const [row] = await db.select().from(certificate).where(eq(certificate.id, id));
	if (!row) return null;
	if (!row.credential) return { id, withdrawn: true as const, revokedAt: row.revokedAt };
	const p = await platformDocuments(db, origin);
	const check = await verify(row.credential, p.documents);
	const c = row.credential as {
		name: string;
		validFrom: string;
		issuer: { name: string };
		credentialSubject: {
			identifier: { identityHash: string }[];
			achievement: { id: string; description: string; creator?: { name: string } };
		};
	};
	return {
		id,
		withdrawn: false as const,
		verified: check.verified,
		revoked: check.revoked || !!row.revokedAt,
		error: check.error,
		course: c.name,
		courseUrl: c.credentialSubject.achievement.id,
		description: c.credentialSubject.achievement.description,
		learner: c.credentialSubject.identifier[0]?.identityHash ?? '',
		issuer: c.issuer.name,
		organisation: c.credentialSubject.achievement.creator?.name ?? null,
		issuedAt: new Date(c.validFrom),
		revokedAt: row.revokedAt,
		credential: row.credential
	};
}

export const UPLOADED_CREDENTIAL_BYTES = 64 * 1024;

/**
 * A certificate file someone was given, checked with the platform's own key and revocation
 * list: genuine only if this platform signed exactly these bytes' content and has not revoked
 * it. Nothing is kept. Whatever else arrives (not JSON, another issuer, a changed byte) is "not
 * ours, or changed".
 */
export async function verifyUploaded(db: Db, origin: string, bytes: Uint8Array) {
	if (!bytes.length || bytes.length > UPLOADED_CREDENTIAL_BYTES)
		return failure('invalid', { file: 'certificate_verify_error_file' });
	let credential: unknown;
	try {
		credential = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return failure('invalid', { file: 'certificate_verify_error_file' });
	}
	const id = /^urn:uuid:([0-9a-f-]{36})$/.exec(
		String((credential as { id?: unknown } | null)?.id ?? '')
	)?.[1];
	const p = await platformDocuments(db, origin);
	const check =
		id && typeof credential === 'object'
			? await verify(credential as Record<string, unknown>, p.documents).catch(() => null)
			: null;
	if (!check?.verified && !check?.revoked) return ok({ genuine: false as const });
	const view = await certificateView(db, origin, id!);
	if (!view || view.withdrawn) return ok({ genuine: false as const });
	// A revoked credential fails verification as a whole: it is ours only if it is the one kept.
	if (!check.verified && !isDeepStrictEqual(credential, view.credential))
		return ok({ genuine: false as const });
	return ok({ genuine: true as const, revoked: !check.verified, view });
}

/** The learner's certificate of a course, if they have one. */
export async function certificateOf(db: Db, courseId: string, userId: string) {
	const [row] = await db
		.select({ id: certificate.id })
		.from(certificate)
		.where(and(eq(certificate.courseId, courseId), eq(certificate.userId, userId)));
	return row?.id ?? null;
}

/** Whether the actor may revoke this certificate (policy.ts: the course's authors, administrators). */
export async function mayRevoke(db: Db, actor: Actor, id: string) {
	if (!actor || !/^[0-9a-f-]{36}$/.test(id)) return false;
	const [row] = await db
		.select({ slug: course.slug, revokedAt: certificate.revokedAt })
		.from(certificate)
		.innerJoin(course, eq(course.id, certificate.courseId))
		.where(eq(certificate.id, id));
	if (!row || row.revokedAt) return false;
	return !!(await courseAccess(db, actor, row.slug))?.may('revoke');
}

export const REVOKE_REASON = { min: 5, max: 500 };

/** A course's author or an administrator revokes a certificate from its page, saying why. */
export async function revokeAsStaff(
	db: Db,
	actor: Actor,
	id: string,
	reason: string
): Promise<Result> {
	if (!(await mayRevoke(db, actor, id))) return failure('not_found');
	const said = reason.trim();
	if (said.length < REVOKE_REASON.min || said.length > REVOKE_REASON.max)
		return failure('invalid', { reason: 'certificate_revoke_reason_error' });
	return revokeCertificate(db, actor!.id, id, said);
}

/** Revokes a certificate (an operator or the staff above, with the reason); verifiers see it at once. */
export async function revokeCertificate(
	db: Db,
	actorId: string | null,
	id: string,
	reason: string
): Promise<Result> {
	const rows = await db
		.update(certificate)
		.set({ revokedAt: new Date(), revokedReason: reason.slice(0, 500) })
		.where(and(eq(certificate.id, id), sql`${certificate.revokedAt} is null`))
		.returning({ id: certificate.id });
	if (!rows.length) return failure('not_found');
	await writeAudit(db, {
		actorId,
		action: 'certificate.revoke',
		subjectType: 'certificate',
		subjectId: id,
		detail: { reason }
	});
	return ok();
}

/** Erasure withdraws a person's certificates: the credential (their name) goes, the bit is set. */
export async function withdrawCertificatesOf(tx: Tx, userId: string) {
	await tx
		.update(certificate)
		.set({
			credential: null,
			userId: null,
			revokedAt: sql`coalesce(${certificate.revokedAt}, now())`,
			revokedReason: sql`coalesce(${certificate.revokedReason}, 'erased')`
		})
		.where(eq(certificate.userId, userId));
}
