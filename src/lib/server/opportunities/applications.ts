import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import {
	applicationForm,
	applicationMessageForm,
	decisionForm,
	type ApplicationStatus
} from '#lib/opportunities/forms.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { readSkillsProfile } from '../skills/profile.ts';
import { canOpportunity } from './policy.ts';
import { opportunityAccess } from './read.ts';
import type { OpportunityDeps } from './post.ts';
import { applicationMessage, opportunity, opportunityApplication } from './schema.ts';

export const applicationPath = (opportunityId: string, applicationId: string) =>
	`/opportunities/${opportunityId}/applications/${applicationId}`;

/**
 * A member applies to an open opportunity, or says they are interested, once: with a message
 * and, if they choose, their skills profile. The poster is told.
 */
export async function applyTo(
	deps: OpportunityDeps,
	actor: Actor,
	opportunityId: string,
	raw: unknown,
	now = new Date()
): Promise<Result<{ id: string }>> {
	const access = await opportunityAccess(deps.db, actor, opportunityId, 'see', now);
	if (!access || !actor) return failure('not_found');
	if (!access.may('apply'))
		return failure('conflict', {
			form: access.tie.applied
				? 'opportunity_error_applied'
				: access.tie.poster
					? 'opportunity_error_own'
					: 'opportunity_error_closed'
		});
	const parsed = applicationForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	if (!(await hitRateLimit(deps.db, RULES.applicationsByAccount, actor.id)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const id = randomUUID();
	const o = access.opportunity;
	const inserted = await deps.db.transaction(async (tx) => {
		const rows = await tx
			.insert(opportunityApplication)
			.values({
				id,
				opportunityId,
				applicantId: actor.id,
				kind: parsed.data.kind,
				message: parsed.data.message,
				shareProfile: parsed.data.shareProfile,
				createdAt: now,
				updatedAt: now
			})
			.onConflictDoNothing()
			.returning({ id: opportunityApplication.id });
		if (!rows.length) return false;
		if (o.posterId)
			await deps.notifier.notify(tx, [
				{
					userId: o.posterId,
					kind: 'opportunity_application',
					link: applicationPath(opportunityId, id),
					detail: { title: o.title }
				}
			]);
		return true;
	});
	if (!inserted) return failure('conflict', { form: 'opportunity_error_applied' });
	return ok({ id });
}

/** An application with what the actor is to it, or null (the poster's side and the applicant). */
async function applicationAccess(db: Db, actor: Actor, applicationId: string) {
	if (!actor || !applicationId || applicationId.length > 64) return null;
	const [a] = await db
		.select()
		.from(opportunityApplication)
		.where(eq(opportunityApplication.id, applicationId));
	if (!a) return null;
	const access = await opportunityAccess(db, actor, a.opportunityId, 'see');
	const applicant = a.applicantId === actor.id;
	if (!access && !applicant) return null;
	const tie = {
		poster: !!access?.tie.poster,
		held: !!access?.tie.held,
		open: !!access?.tie.open,
		applied: applicant,
		applicant
	};
	if (!canOpportunity(actor, 'see-application', tie)) return null;
	return {
		application: a,
		tie,
		may: (x: 'decide' | 'message' | 'withdraw') => canOpportunity(actor, x, tie)
	};
}

/** The applications to one opportunity, for the poster's side: newest first, by status. */
export async function listApplications(db: Db, actor: Actor, opportunityId: string) {
	const access = await opportunityAccess(db, actor, opportunityId, 'see-applications');
	if (!access) return null;
	const rows = await db
		.select({
			id: opportunityApplication.id,
			applicantId: opportunityApplication.applicantId,
			name: user.name,
			kind: opportunityApplication.kind,
			status: opportunityApplication.status,
			shareProfile: opportunityApplication.shareProfile,
			createdAt: opportunityApplication.createdAt
		})
		.from(opportunityApplication)
		.innerJoin(user, eq(user.id, opportunityApplication.applicantId))
		.where(eq(opportunityApplication.opportunityId, opportunityId))
		.orderBy(desc(opportunityApplication.createdAt))
		.limit(500);
	return { opportunity: access.opportunity, applications: rows };
}

/**
 * One application as either side sees it: the message, the status (and the kind reason of a
 * decline), the conversation, and the applicant's skills profile when they shared it.
 */
export async function readApplication(
	db: Db,
	actor: Actor,
	applicationId: string,
	languages: string[]
) {
	const access = await applicationAccess(db, actor, applicationId);
	if (!access) return null;
	const a = access.application;
	const [o] = await db
		.select({ id: opportunity.id, title: opportunity.title, posterId: opportunity.posterId })
		.from(opportunity)
		.where(eq(opportunity.id, a.opportunityId));
	const [applicant] = await db
		.select({ name: user.name })
		.from(user)
		.where(eq(user.id, a.applicantId));
	const messages = await db
		.select({
			id: applicationMessage.id,
			body: applicationMessage.body,
			authorId: applicationMessage.authorId,
			author: user.name,
			createdAt: applicationMessage.createdAt
		})
		.from(applicationMessage)
		.leftJoin(user, eq(user.id, applicationMessage.authorId))
		.where(eq(applicationMessage.applicationId, a.id))
		.orderBy(asc(applicationMessage.id))
		.limit(500);
	const profile = a.shareProfile
		? await readSkillsProfile(db, actor, a.applicantId, languages, access.tie.poster)
		: null;
	return {
		application: a,
		opportunity: o,
		applicant: applicant?.name ?? '',
		messages,
		profile,
		tie: access.tie,
		may: access.may
	};
}

/**
 * The poster's side moves an applicant to a status; declining takes one of the kind reasons.
 * The applicant is told (the reason is shown to them in their language).
 */
export async function decideApplication(
	deps: OpportunityDeps,
	actor: Actor,
	applicationId: string,
	raw: unknown,
	now = new Date()
): Promise<Result<{ status: ApplicationStatus }>> {
	const access = await applicationAccess(deps.db, actor, applicationId);
	if (!access || !access.may('decide')) return failure('not_found');
	const parsed = decisionForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const { status, reason } = parsed.data;
	const a = access.application;
	if (a.status === status && (status !== 'declined' || a.declineReason === reason))
		return ok({ status });
	await deps.db.transaction(async (tx) => {
		await tx
			.update(opportunityApplication)
			.set({ status, declineReason: status === 'declined' ? reason! : null, updatedAt: now })
			.where(eq(opportunityApplication.id, a.id));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'opportunity.decide',
			subjectType: 'opportunity_application',
			subjectId: a.id,
			detail: { from: a.status, to: status, reason: reason ?? null }
		});
		await deps.notifier.notify(tx, [
			{
				userId: a.applicantId,
				kind: 'opportunity_status',
				link: applicationPath(a.opportunityId, a.id),
				detail: { status }
			}
		]);
	});
	return ok({ status });
}

/** Either side writes about an application; the other side is told. */
export async function messageApplication(
	deps: OpportunityDeps,
	actor: Actor,
	applicationId: string,
	raw: unknown
): Promise<Result> {
	const access = await applicationAccess(deps.db, actor, applicationId);
	if (!access || !access.may('message')) return failure('not_found');
	const parsed = applicationMessageForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const a = access.application;
	const [o] = await deps.db
		.select({ posterId: opportunity.posterId })
		.from(opportunity)
		.where(eq(opportunity.id, a.opportunityId));
	const to = access.tie.applicant ? o?.posterId : a.applicantId;
	await deps.db.transaction(async (tx) => {
		await tx
			.insert(applicationMessage)
			.values({ applicationId: a.id, authorId: actor!.id, body: parsed.data.body });
		if (to && to !== actor!.id)
			await deps.notifier.notify(tx, [
				{ userId: to, kind: 'opportunity_message', link: applicationPath(a.opportunityId, a.id) }
			]);
	});
	return ok();
}

/** The applicant withdraws their application: it is gone for both sides. */
export async function withdrawApplication(
	db: Db,
	actor: Actor,
	applicationId: string
): Promise<Result> {
	const access = await applicationAccess(db, actor, applicationId);
	if (!access || !access.may('withdraw')) return failure('not_found');
	await db.delete(opportunityApplication).where(eq(opportunityApplication.id, applicationId));
	return ok();
}

/** What a member applied to, and where each application stands. */
export async function myApplications(db: Db, userId: string) {
	return db
		.select({
			id: opportunityApplication.id,
			opportunityId: opportunity.id,
			title: opportunity.title,
			language: opportunity.language,
			status: opportunityApplication.status,
			declineReason: opportunityApplication.declineReason,
			createdAt: opportunityApplication.createdAt
		})
		.from(opportunityApplication)
		.innerJoin(opportunity, eq(opportunity.id, opportunityApplication.opportunityId))
		.where(eq(opportunityApplication.applicantId, userId))
		.orderBy(desc(opportunityApplication.createdAt))
		.limit(200);
}

/** A person's applications and their messages, for their data export. */
export async function applicationsOfPerson(db: Db, userId: string) {
	const apps = await db
		.select({
			id: opportunityApplication.id,
			opportunityId: opportunityApplication.opportunityId,
			kind: opportunityApplication.kind,
			message: opportunityApplication.message,
			shareProfile: opportunityApplication.shareProfile,
			status: opportunityApplication.status,
			declineReason: opportunityApplication.declineReason,
			createdAt: opportunityApplication.createdAt
		})
		.from(opportunityApplication)
		.where(eq(opportunityApplication.applicantId, userId));
	const written = await db
		.select({
			applicationId: applicationMessage.applicationId,
			body: applicationMessage.body,
			createdAt: applicationMessage.createdAt
		})
		.from(applicationMessage)
		.where(and(eq(applicationMessage.authorId, userId)));
	return { applications: apps, messages: written };
}
