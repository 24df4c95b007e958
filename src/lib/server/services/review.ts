import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { canService, isCurator } from './policy.ts';
import { worksIn } from '../organisations/access.ts';
import { applyVersion, type ServiceVersion } from './save-service.ts';
import { service } from './schema.ts';
import { baseTexts } from './service-texts.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { organisationAdminIds, type NoticeDeps } from '../organisations/admins.ts';

/** Services waiting for a curator, oldest first, with the texts proposed for each. */
export async function reviewQueue(db: Db) {
	const queue = await db
		.select({
			id: service.id,
			name: service.name,
			published: service.published,
			updatedAt: service.updatedAt,
			organisationName: organisation.name,
			hasProposal: sql<boolean>`${service.pending} is not null`
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(eq(service.reviewState, 'pending'))
		.orderBy(asc(service.updatedAt))
		.limit(200);
	const rows = queue.length
		? await db
				.select({
					id: service.id,
					pending: service.pending,
					doc: service.doc,
					contentLocale: service.contentLocale,
					translations: service.translations
				})
				.from(service)
				.where(
					inArray(
						service.id,
						queue.map((q) => q.id)
					)
				)
		: [];
	const byId = new Map(rows.map((r) => [r.id, r]));
	return queue.map((q) => {
		const row = byId.get(q.id)!;
		const version = (row.pending as ServiceVersion | null) ?? {
			doc: row.doc,
			contentLocale: row.contentLocale,
			translations: row.translations
		};
		return {
			...q,
			language: version.contentLocale,
			texts: baseTexts(version.doc),
			translations: Object.keys(version.translations)
		};
	});
}

/**
 * A curator approves (the proposal becomes the published version, verified today) or returns it
 * with a note for the provider (required, so the provider knows what to fix).
 */
export async function decideReview(
	deps: NoticeDeps,
	actor: Actor,
	serviceId: string,
	decision: { approve: boolean; note: string },
	opts: { timeZone: string; now?: Date }
): Promise<Result> {
	const { db } = deps;
	if (!isCurator(actor)) return failure('forbidden');
	const note = decision.note.trim().slice(0, 1000);
	if (!decision.approve && !note) return failure('invalid', { note: 'error_review_note_required' });
	const now = opts.now ?? new Date();
	return db.transaction(async (tx): Promise<Result> => {
		const [row] = await tx.select().from(service).where(eq(service.id, serviceId));
		// Already decided (by another curator, or in another tab): the queue says so beside it.
		if (!row || row.reviewState !== 'pending')
			return failure('not_found', { note: 'error_page_not_found' });
		if (decision.approve) {
			const proposal = row.pending as ServiceVersion | null;
			if (proposal)
				await applyVersion(tx, row.id, row.organisationId, proposal, {
					published: true,
					verifiedAt: now,
					timeZone: opts.timeZone
				});
			await tx
				.update(service)
				.set({
					published: true,
					pending: null,
					reviewState: 'none',
					reviewNote: null,
					verifiedAt: now,
					staleRemindedAt: null
				})
				.where(eq(service.id, row.id));
		} else {
			await tx
				.update(service)
				.set({ reviewState: 'returned', reviewNote: note })
				.where(eq(service.id, row.id));
		}
		await writeAudit(tx, {
			actorId: actor!.id,
			action: decision.approve ? 'service.approve' : 'service.return',
			subjectType: 'service',
			subjectId: row.id,
			detail: note ? { note } : null
		});
		// The organisation's admins hear of it, with the curator's note when it was returned.
		const [org] = await tx
			.select({ slug: organisation.slug })
			.from(organisation)
			.where(eq(organisation.id, row.organisationId));
		const name = (row.pending as ServiceVersion | null)?.doc.name ?? row.name;
		await deps.notifier.notify(
			tx,
			(await organisationAdminIds(tx, row.organisationId)).map((userId) => ({
				userId,
				kind: decision.approve ? ('service_approved' as const) : ('service_returned' as const),
				link: `/organisations/${org?.slug ?? ''}/services/${row.id}`,
				detail: (decision.approve ? { service: name } : { service: name, reason: note }) as Record<
					string,
					string
				>
			}))
		);
		return ok();
	});
}

/**
 * Staff confirm that a service of their organisation is still accurate: it counts as verified
 * today. A service that is not the organisation's (or no longer exists) is told on the list.
 */
export async function confirmAccurate(
	db: Db,
	actor: Actor,
	target: { organisationId: string; serviceId: string },
	now = new Date()
): Promise<Result> {
	const serviceId = target.serviceId.slice(0, 40);
	const [row] = await db
		.select({ organisationId: service.organisationId, doc: service.doc })
		.from(service)
		.where(eq(service.id, serviceId));
	if (!row || row.organisationId !== target.organisationId)
		return failure('not_found', { form: 'error_page_not_found' });
	if (!canService(actor, 'verify', null, await worksIn(db, actor, row.organisationId)))
		return failure('forbidden');
	const day = now.toISOString().slice(0, 10);
	await db.transaction(async (tx) => {
		await tx
			.update(service)
			.set({ verifiedAt: now, staleRemindedAt: null, doc: { ...row.doc, assured_date: day } })
			.where(and(eq(service.id, serviceId)));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'service.verify',
			subjectType: 'service',
			subjectId: serviceId
		});
	});
	return ok();
}

/** Most services one bulk approval takes. */
export const BULK_APPROVE_LIMIT = 100;

/**
 * Approves several queued services at once, each in its own transaction (with its notices), so
 * one decided meanwhile by another curator does not stop the rest. Returns the names of those
 * approved and of those that were no longer waiting.
 */
export async function approveServices(
	deps: NoticeDeps,
	actor: Actor,
	ids: string[],
	opts: { timeZone: string; now?: Date }
): Promise<Result<{ approved: string[]; skipped: string[] }>> {
	if (!isCurator(actor)) return failure('forbidden');
	const wanted = [...new Set(ids)].slice(0, BULK_APPROVE_LIMIT);
	if (!wanted.length) return failure('invalid', { services: 'error_bulk_none_selected' });
	const approved: string[] = [];
	const skipped: string[] = [];
	const rows = await deps.db
		.select({ id: service.id, name: service.name, pending: service.pending })
		.from(service)
		.where(inArray(service.id, wanted));
	// In the order they were ticked (the queue's order), whatever order the database returns.
	const byId = new Map(rows.map((r) => [r.id, r]));
	for (const row of wanted.flatMap((id) => byId.get(id) ?? [])) {
		const result = await decideReview(deps, actor, row.id, { approve: true, note: '' }, opts);
		const name = (row.pending as ServiceVersion | null)?.doc.name ?? row.name;
		(result.ok ? approved : skipped).push(name);
	}
	return ok({ approved, skipped });
}
