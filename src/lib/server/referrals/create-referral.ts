import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { referralForm, type ReferralValues } from '#lib/referrals/forms.ts';
import { acceptanceDeadline } from '#lib/referrals/statuses.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { newToken } from '../organisations/contact-tokens.ts';
import type { ReferralDeps } from './deps.ts';
import { askPerson, tell } from './notify.ts';
import { organisationAdminIds } from '../organisations/admins.ts';
import { workplaces } from '../organisations/access.ts';
import { referral, referralEvent, type ReferralPerson } from './schema.ts';

/** A published service of an approved organisation, the only kind one can refer to. */
export async function referableService(db: Db, serviceId: string, locale: string) {
	if (!serviceId || serviceId.length > 100) return null;
	const [row] = await db
		.select({
			id: service.id,
			name: service.name,
			translations: service.translations,
			termIds: service.termIds,
			organisationId: service.organisationId,
			organisationName: organisation.name
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(
			and(
				eq(service.id, serviceId),
				eq(service.published, true),
				eq(organisation.status, 'approved')
			)
		);
	if (!row) return null;
	const { translations, ...rest } = row;
	return { ...rest, name: translations[locale]?.name || row.name };
}

/**
 * Only what the person agreed to share is kept, as the caseworker typed it: nothing is looked up
 * or filled in from an account (docs/decisions/0010).
 */
export function consentedPerson(input: ReferralValues): ReferralPerson {
	const shares = (f: string) => (input.shared as string[]).includes(f);
	const person: ReferralPerson = { name: shares('name') ? input.name : '' };
	if (shares('contact')) {
		if (input.contact.email) person.email = input.contact.email;
		else if (input.contact.phone) person.phone = input.contact.phone;
	}
	if (shares('language') && input.language) person.language = input.language;
	if (shares('notes') && input.notes) person.notes = input.notes;
	return person;
}

/**
 * A caseworker refers a person to another organisation's service, after recording the person's
 * consent. The answer never depends on whether an account uses the contact given: the referral is
 * linked to an account only when the person, told through the contact they agreed to share,
 * confirms that it is them (person-confirmation.ts).
 */
export async function createReferral(
	deps: ReferralDeps,
	actor: Actor,
	raw: unknown,
	now = new Date()
): Promise<Result<{ id: string }>> {
	if (!actor) return failure('forbidden');
	const parsed = referralForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const input = parsed.data;
	const { db } = deps;
	const target = await referableService(db, input.serviceId, 'en');
	if (!target) return failure('not_found', { form: 'referral_error_service_invalid' });
	const mine = await workplaces(db, actor);
	if (!mine.some((o) => o.id === input.fromOrganisationId)) return failure('forbidden');
	if (target.organisationId === input.fromOrganisationId)
		return failure('invalid', { fromOrganisationId: 'referral_error_own_organisation' });

	const person = consentedPerson(input);
	if (!input.name) return failure('invalid', { name: 'referral_error_name_required' });
	if (!person.name && !person.email && !person.phone)
		return failure('invalid', { shared: 'referral_error_share_identity' });

	const id = randomUUID();
	// The person can be asked only through a contact they agreed to share.
	const ask = person.email || person.phone ? newToken() : null;
	await db.transaction(async (tx) => {
		await tx.insert(referral).values({
			id,
			serviceId: target.id,
			fromOrganisationId: input.fromOrganisationId,
			toOrganisationId: target.organisationId,
			createdBy: actor.id,
			personUserId: null,
			personConfirmation: ask ? 'pending' : null,
			personTokenHash: ask?.hash ?? null,
			person,
			consent: {
				shared: input.shared,
				purpose: input.purpose,
				recipientOrganisationId: target.organisationId,
				method: input.method,
				recordedAt: now.toISOString(),
				recordedBy: actor.id
			},
			termIds: target.termIds,
			status: 'sent',
			dueAt: acceptanceDeadline(now, deps.dueDays),
			createdAt: now,
			updatedAt: now
		});
		await tx.insert(referralEvent).values({
			referralId: id,
			actorId: actor.id,
			kind: 'status',
			status: 'sent',
			createdAt: now
		});
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'referral.create',
			subjectType: 'referral',
			subjectId: id,
			detail: { shared: input.shared, personAsked: !!ask }
		});
		// In the same transaction: a referral that is saved has its notice queued (never lost).
		const [receiving] = await tx
			.select({ name: organisation.name })
			.from(organisation)
			.where(eq(organisation.id, target.organisationId));
		await tell(
			deps.notifier,
			tx,
			await organisationAdminIds(tx, target.organisationId),
			{ referralId: id, actorId: actor.id },
			'referral_new',
			{ organisation: receiving?.name ?? '' }
		);
	});
	if (ask) await askPerson(deps, person, ask.token);
	return ok({ id });
}
