import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { organisation } from '../organisations/schema.ts';
import { canService } from './policy.ts';
import { savedService, service } from './schema.ts';
import { textsFor } from './service-texts.ts';

/** How many services one person may keep: a list to come back to, not a copy of the directory. */
export const SAVED_LIMIT = 200;

/** Keeps a public service on the actor's list (saving it again changes nothing). */
export async function saveForLater(db: Db, actor: Actor, serviceId: string): Promise<Result<null>> {
	if (!actor) return failure('forbidden');
	const [row] = await db
		.select({ published: service.published, organisationStatus: organisation.status })
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(eq(service.id, serviceId));
	if (!row) return failure('not_found');
	if (!canService(actor, 'save', row, false)) return failure('forbidden');
	return db.transaction(async (tx): Promise<Result<null>> => {
		// One person's saves in turn, so that two at once cannot pass the limit together.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`saved:${actor.id}`}))`);
		const [{ n }] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(savedService)
			.where(eq(savedService.userId, actor.id));
		const [already] = await tx
			.select({ id: savedService.serviceId })
			.from(savedService)
			.where(and(eq(savedService.userId, actor.id), eq(savedService.serviceId, serviceId)));
		if (already) return ok(null);
		if (n >= SAVED_LIMIT) return failure('conflict', { service: 'error_saved_limit' });
		await tx.insert(savedService).values({ userId: actor.id, serviceId });
		return ok(null);
	});
}

/** Takes a service off the actor's list (nothing happens if it was not on it). */
export async function forgetSaved(db: Db, actor: Actor, serviceId: string): Promise<Result<null>> {
	if (!actor) return failure('forbidden');
	await db
		.delete(savedService)
		.where(and(eq(savedService.userId, actor.id), eq(savedService.serviceId, serviceId)));
	return ok(null);
}

/** Whether the actor keeps this service. */
export async function isSaved(db: Db, actor: Actor, serviceId: string) {
	if (!actor) return false;
	const [row] = await db
		.select({ id: savedService.serviceId })
		.from(savedService)
		.where(and(eq(savedService.userId, actor.id), eq(savedService.serviceId, serviceId)));
	return !!row;
}

/**
 * The actor's list, newest first, in `locale` where a translation exists. A service no longer
 * public stays on the list, marked `listed: false`, without its texts: the person sees that it is
 * gone and can take it off.
 */
export async function savedServicesOf(db: Db, userId: string, locale: string) {
	const rows = await db
		.select({
			id: service.id,
			doc: service.doc,
			contentLocale: service.contentLocale,
			translations: service.translations,
			published: service.published,
			organisationStatus: organisation.status,
			organisationName: organisation.name,
			savedAt: savedService.savedAt
		})
		.from(savedService)
		.innerJoin(service, eq(service.id, savedService.serviceId))
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(eq(savedService.userId, userId))
		.orderBy(desc(savedService.savedAt));
	return rows.map((r) => {
		const listed = r.published && r.organisationStatus === 'approved';
		const texts = listed ? textsFor(r, locale) : null;
		return {
			id: r.id,
			listed,
			name: texts?.name ?? null,
			language: texts?.language ?? null,
			organisationName: listed ? r.organisationName : null,
			savedAt: r.savedAt
		};
	});
}
