import { and, count, desc, eq, inArray, lt, notInArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Box, ListQuery } from '#lib/referrals/forms.ts';
import { FINAL_STATUSES, isOverdue } from '#lib/referrals/statuses.ts';
import type { ReferralRow } from '#lib/referrals/view.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { workplaceIds } from '../organisations/access.ts';
import { referral } from './schema.ts';

export const LIST_PAGE_SIZE = 25;

/** Not finished and past its deadline. */
export function overdueWhere(now: Date): SQL {
	return and(notInArray(referral.status, [...FINAL_STATUSES]), lt(referral.dueAt, now))!;
}

/**
 * Referrals received or sent by the actor's organisations, or made for the actor as a person.
 * Staff see the person's name when it was shared; listing it is staff access to personal data and
 * is recorded.
 */
export async function listReferrals(
	db: Db,
	actor: Actor,
	query: ListQuery,
	locale: string,
	now = new Date()
) {
	if (!actor) return null;
	const orgIds = [...(await workplaceIds(db, actor))];
	const boxes: Box[] = orgIds.length ? ['received', 'sent', 'mine'] : ['mine'];
	const box = query.box && boxes.includes(query.box) ? query.box : boxes[0];
	const scope =
		box === 'received'
			? inArray(referral.toOrganisationId, orgIds)
			: box === 'sent'
				? inArray(referral.fromOrganisationId, orgIds)
				: eq(referral.personUserId, actor.id);
	const where = and(
		scope,
		query.status ? eq(referral.status, query.status) : undefined,
		query.overdue ? overdueWhere(now) : undefined
	);
	const fromOrg = alias(organisation, 'from_org');
	const toOrg = alias(organisation, 'to_org');
	const [{ total }] = await db.select({ total: count() }).from(referral).where(where);
	const rows = await db
		.select({
			id: referral.id,
			status: referral.status,
			person: referral.person,
			serviceName: service.name,
			translations: service.translations,
			from: fromOrg.name,
			to: toOrg.name,
			createdAt: referral.createdAt,
			dueAt: referral.dueAt
		})
		.from(referral)
		.innerJoin(service, eq(service.id, referral.serviceId))
		.innerJoin(fromOrg, eq(fromOrg.id, referral.fromOrganisationId))
		.innerJoin(toOrg, eq(toOrg.id, referral.toOrganisationId))
		.where(where)
		.orderBy(desc(referral.createdAt), desc(referral.id))
		.limit(LIST_PAGE_SIZE)
		.offset((query.page - 1) * LIST_PAGE_SIZE);
	if (box !== 'mine' && rows.length)
		await writeAudit(db, {
			actorId: actor.id,
			action: 'referral.list',
			subjectType: 'referral',
			detail: { box, count: rows.length, ids: rows.map((r) => r.id) }
		});
	const items: ReferralRow[] = rows.map((r) => ({
		id: r.id,
		status: r.status,
		overdue: isOverdue(r, now),
		serviceName: r.translations[locale]?.name || r.serviceName,
		from: r.from,
		to: r.to,
		personName: box === 'mine' ? null : r.person.name || null,
		createdAt: r.createdAt.toISOString(),
		dueAt: r.dueAt.toISOString()
	}));
	return { box, boxes, items, total, page: query.page, perPage: LIST_PAGE_SIZE };
}
