import { eq, inArray } from 'drizzle-orm';
import { isOverdue, TRANSITIONS } from '#lib/referrals/statuses.ts';
import type { ReferralDetail } from '#lib/referrals/view.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { canReferral, loadReferralAccess } from './policy.ts';
import { readThread } from './thread.ts';

/**
 * One referral as its viewer may see it, or null (the page answers 404). Every reading is written
 * to the audit log, the person's own included.
 */
export async function getReferral(
	db: Db,
	actor: Actor,
	id: string,
	locale: string,
	now = new Date()
): Promise<ReferralDetail | null> {
	const access = await loadReferralAccess(db, actor, id);
	if (!access) return null;
	const { referral: r, staffOf } = access;
	const staff = staffOf.from || staffOf.to;
	const [svc] = await db
		.select({ id: service.id, name: service.name, translations: service.translations })
		.from(service)
		.where(eq(service.id, r.serviceId));
	const orgs = await db
		.select({ id: organisation.id, name: organisation.name, slug: organisation.slug })
		.from(organisation)
		.where(inArray(organisation.id, [r.fromOrganisationId, r.toOrganisationId]));
	const org = (orgId: string) => {
		const o = orgs.find((x) => x.id === orgId);
		return { name: o?.name ?? '', slug: o?.slug ?? '' };
	};
	const thread = await readThread(db, r.id, { staff });
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'referral.view',
		subjectType: 'referral',
		subjectId: r.id,
		detail: { as: staff ? 'staff' : 'person' }
	});
	return {
		id: r.id,
		viewer: { ...staffOf, person: r.personUserId === actor!.id },
		status: r.status,
		overdue: isOverdue(r, now),
		service: { id: r.serviceId, name: svc?.translations[locale]?.name || svc?.name || '' },
		from: org(r.fromOrganisationId),
		to: org(r.toOrganisationId),
		createdAt: r.createdAt.toISOString(),
		dueAt: r.dueAt.toISOString(),
		acceptedAt: r.acceptedAt?.toISOString() ?? null,
		closedAt: r.closedAt?.toISOString() ?? null,
		outcome: r.outcome,
		reason: staff ? r.reason : null,
		feedback: staff ? r.feedback : null,
		person: {
			name: r.person.name || null,
			phone: r.person.phone ?? null,
			email: r.person.email ?? null,
			language: r.person.language ?? null,
			notes: r.person.notes ?? null,
			hasAccount: !!r.personUserId,
			confirmation: r.personConfirmation
		},
		consent: {
			shared: r.consent.shared,
			purpose: r.consent.purpose,
			method: r.consent.method,
			recordedAt: r.consent.recordedAt
		},
		thread,
		transitions: TRANSITIONS.filter((t) => canReferral(actor, t, r, staffOf)),
		canMessage: canReferral(actor, 'message', r, staffOf)
	};
}
