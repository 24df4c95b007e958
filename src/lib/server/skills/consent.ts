import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { organisationAccess, workplaceIds } from '../organisations/access.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { skillsConsent } from './schema.ts';

/** How long a consent to fill the profile with an adviser runs: an interview, not a mandate. */
export const CONSENT_HOURS = 3;

const running = (now: Date) =>
	and(isNull(skillsConsent.withdrawnAt), gt(skillsConsent.expiresAt, now));

/**
 * The person lets the staff of one organisation (named by its short name, as its advisers give
 * it) fill their skills profile with them for CONSENT_HOURS. Recorded, and audited.
 */
export async function grantSkillsConsent(
	db: Db,
	actor: Actor,
	slug: string,
	now = new Date()
): Promise<Result<{ id: string; organisation: string; expiresAt: Date }>> {
	if (!actor) return failure('forbidden');
	const org = await organisationAccess(db, actor, { slug: slug.trim().toLowerCase() });
	if (!org || org.organisation.status !== 'approved')
		return failure('invalid', { organisation: 'skills_error_organisation' });
	const id = randomUUID();
	const expiresAt = new Date(now.getTime() + CONSENT_HOURS * 3_600_000);
	await db.transaction(async (tx) => {
		await tx.insert(skillsConsent).values({
			id,
			userId: actor.id,
			organisationId: org.organisation.id,
			grantedAt: now,
			expiresAt
		});
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'skills.consent',
			subjectType: 'organisation',
			subjectId: org.organisation.id,
			detail: { expiresAt: expiresAt.toISOString() }
		});
	});
	return ok({ id, organisation: org.organisation.name, expiresAt });
}

/** The person withdraws a consent they gave; it ends at once. */
export async function withdrawSkillsConsent(
	db: Db,
	actor: Actor,
	id: string,
	now = new Date()
): Promise<Result> {
	if (!actor) return failure('forbidden');
	const rows = await db
		.update(skillsConsent)
		.set({ withdrawnAt: now })
		.where(and(eq(skillsConsent.id, id), eq(skillsConsent.userId, actor.id), running(now)))
		.returning({ id: skillsConsent.id });
	return rows.length ? ok() : failure('not_found');
}

/** The consents a person has running, for their page. */
export async function consentsOf(db: Db, userId: string, now = new Date()) {
	return db
		.select({
			id: skillsConsent.id,
			organisation: organisation.name,
			expiresAt: skillsConsent.expiresAt
		})
		.from(skillsConsent)
		.innerJoin(organisation, eq(organisation.id, skillsConsent.organisationId))
		.where(and(eq(skillsConsent.userId, userId), running(now)))
		.orderBy(desc(skillsConsent.grantedAt));
}

/** Whether the actor works in an organisation the person's running consent names: until when, and the person's name. */
export async function mayFillFor(db: Db, actor: Actor, personId: string, now = new Date()) {
	if (!actor || actor.id === personId) return null;
	const consents = await db
		.select({ organisationId: skillsConsent.organisationId, expiresAt: skillsConsent.expiresAt })
		.from(skillsConsent)
		.where(and(eq(skillsConsent.userId, personId), running(now)));
	if (!consents.length) return null;
	const mine = await workplaceIds(
		db,
		actor,
		consents.map((c) => c.organisationId)
	);
	const consent = consents.find((c) => mine.has(c.organisationId));
	if (!consent) return null;
	const [person] = await db.select({ name: user.name }).from(user).where(eq(user.id, personId));
	return { until: consent.expiresAt, name: person?.name ?? '' };
}

/** For an organisation's staff: the people whose consent to fill their profile runs now. */
export async function peopleWhoConsented(db: Db, actor: Actor, slug: string, now = new Date()) {
	const org = await organisationAccess(db, actor, { slug });
	if (!org?.may('work')) return null;
	const rows = await db
		.select({ id: user.id, name: user.name, expiresAt: skillsConsent.expiresAt })
		.from(skillsConsent)
		.innerJoin(user, eq(user.id, skillsConsent.userId))
		.where(and(eq(skillsConsent.organisationId, org.organisation.id), running(now)))
		.orderBy(desc(skillsConsent.grantedAt))
		.limit(200);
	return { organisation: org.organisation, people: rows };
}
