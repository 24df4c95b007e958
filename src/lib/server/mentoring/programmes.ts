import { randomUUID } from 'node:crypto';
import { and, desc, eq, or } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { mentoringApplicationForm, programmeForm } from '#lib/mentoring/forms.ts';
import { splitSkillLines } from '#lib/opportunities/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation } from '../organisations/schema.ts';
import { organisationAccess } from '../organisations/access.ts';
import { renderMarkdown } from '../members/markdown.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { resolveSkills } from '../opportunities/post.ts';
import { canMentoring, type MentoringAction, type MentoringTie } from './policy.ts';
import { mentoringApplication, mentoringPair, mentoringProgramme } from './schema.ts';

export type MentoringDeps = { db: Db; notifier: Notifier };

export const programmePath = (id: string) => `/mentoring/${id}`;
export const pairPath = (id: string) => `/mentoring/pairs/${id}`;

/** A programme with what the actor is to it, or null when they may not `action` it (404). */
export async function programmeAccess(
	db: Db | Tx,
	actor: Actor,
	id: string,
	action: MentoringAction = 'see'
) {
	if (!id || id.length > 64) return null;
	const [p] = await db.select().from(mentoringProgramme).where(eq(mentoringProgramme.id, id));
	if (!p) return null;
	const [application] = actor
		? await db
				.select()
				.from(mentoringApplication)
				.where(
					and(eq(mentoringApplication.programmeId, id), eq(mentoringApplication.userId, actor.id))
				)
		: [];
	const [pair] = actor
		? await db
				.select({ id: mentoringPair.id, status: mentoringPair.status })
				.from(mentoringPair)
				.where(
					and(
						eq(mentoringPair.programmeId, id),
						or(eq(mentoringPair.mentorId, actor.id), eq(mentoringPair.menteeId, actor.id))
					)
				)
				.orderBy(desc(mentoringPair.confirmedAt))
		: [];
	const coordinator =
		!!actor && !!(await organisationAccess(db, actor, { id: p.organisationId }))?.may('work');
	const tie: MentoringTie = { coordinator, open: p.status === 'open', applied: !!application };
	if (!canMentoring(actor, action, tie)) return null;
	return {
		programme: p,
		application: application ?? null,
		pair: pair ?? null,
		tie,
		may: (a: MentoringAction) => canMentoring(actor, a, tie)
	};
}

/** Staff of an organisation start a programme for it. */
export async function createProgramme(
	db: Db,
	actor: Actor,
	organisationSlug: string,
	raw: unknown,
	opts: { demo?: boolean; now?: Date } = {}
): Promise<Result<{ id: string }>> {
	if (!actor) return failure('forbidden');
	const org = await organisationAccess(db, actor, { slug: organisationSlug });
	if (!org?.may('work'))
		return failure('invalid', { organisation: 'mentoring_error_organisation' });
	const parsed = programmeForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const id = randomUUID();
	await db.transaction(async (tx) => {
		await tx.insert(mentoringProgramme).values({
			id,
			organisationId: org.organisation.id,
			...parsed.data,
			createdBy: actor.id,
			createdAt: opts.now ?? new Date(),
			demo: opts.demo ?? false
		});
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'mentoring.create',
			subjectType: 'mentoring_programme',
			subjectId: id,
			detail: { organisationId: org.organisation.id }
		});
	});
	return ok({ id });
}

/** The programmes, open ones first, newest first; with the organisation that runs each. */
export async function listProgrammes(db: Db) {
	return db
		.select({
			id: mentoringProgramme.id,
			title: mentoringProgramme.title,
			kind: mentoringProgramme.kind,
			language: mentoringProgramme.language,
			status: mentoringProgramme.status,
			organisation: organisation.name,
			demo: mentoringProgramme.demo
		})
		.from(mentoringProgramme)
		.innerJoin(organisation, eq(organisation.id, mentoringProgramme.organisationId))
		.orderBy(mentoringProgramme.status, desc(mentoringProgramme.createdAt))
		.limit(100);
}

/** One programme as its page shows it. */
export async function readProgramme(db: Db, actor: Actor, id: string) {
	const access = await programmeAccess(db, actor, id);
	if (!access) return null;
	const [org] = await db
		.select({ name: organisation.name, slug: organisation.slug })
		.from(organisation)
		.where(eq(organisation.id, access.programme.organisationId));
	return { ...access, html: renderMarkdown(access.programme.description), organisation: org };
}

/**
 * A member applies to an open programme once, as a mentor or a mentee: goals, the ESCO skills
 * they offer or seek (typed as for opportunities), languages, country, time zone, availability.
 */
export async function applyToProgramme(
	db: Db,
	actor: Actor,
	programmeId: string,
	raw: unknown,
	now = new Date()
): Promise<Result<{ id: string }>> {
	const access = await programmeAccess(db, actor, programmeId);
	if (!access || !actor) return failure('not_found');
	if (!access.may('apply'))
		return failure('conflict', {
			form: access.tie.applied ? 'mentoring_error_applied' : 'mentoring_error_closed'
		});
	const parsed = mentoringApplicationForm.safeParse(raw);
	const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
	const lines =
		typeof (raw as { skills?: unknown })?.skills === 'string'
			? splitSkillLines((raw as { skills: string }).skills)
			: [];
	if (lines.length > 20) errors.skills = 'opportunity_error_skills_many';
	const skills = await resolveSkills(db, lines.slice(0, 20), access.programme.language);
	if (skills.unknown.length) errors.skills ??= 'opportunity_error_skill_unknown';
	if (!parsed.success || Object.keys(errors).length) return failure('invalid', errors);
	const input = parsed.data;
	const id = randomUUID();
	const rows = await db
		.insert(mentoringApplication)
		.values({
			id,
			programmeId,
			userId: actor.id,
			role: input.role,
			goals: input.goals,
			skills: skills.uris,
			languages: input.languages,
			country: input.country || null,
			utcOffset: input.utcOffset,
			availability: input.availability,
			capacity: input.role === 'mentor' ? input.capacity : 1,
			createdAt: now
		})
		.onConflictDoNothing()
		.returning({ id: mentoringApplication.id });
	if (!rows.length) return failure('conflict', { form: 'mentoring_error_applied' });
	return ok({ id });
}
