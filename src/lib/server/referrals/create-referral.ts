import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { fieldErrors, type FieldErrors } from '#lib/accounts/schemas.ts';
import { referralForm, type ReferralValues } from '#lib/referrals/forms.ts';
import { acceptanceDeadline } from '#lib/referrals/statuses.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { NO_EMAIL_DOMAIN } from '../platform/mail.ts';
import { organisation } from '../members/schema.ts';
import { service } from '../services/schema.ts';
import type { Db } from '../db/client.ts';
import { writeAudit } from '../platform/audit.ts';
import type { ReferralDeps } from './deps.ts';
import { organisationAdmins, sendReferralEmails } from './notify.ts';
import { referringOrganisations } from './policy.ts';
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

async function findAccount(db: Db, contact: ReferralValues['contact']) {
	if (!contact.email && !contact.phone) return null;
	const [row] = await db
		.select({ id: user.id, name: user.name, email: user.email, phone: user.phoneNumber })
		.from(user)
		.where(contact.email ? eq(user.email, contact.email) : eq(user.phoneNumber, contact.phone!));
	return row ?? null;
}

type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** Only what the person agreed to share is kept; the rest of the form is dropped here. */
export function consentedPerson(input: ReferralValues, account: Account | null): ReferralPerson {
	const shares = (f: string) => (input.shared as string[]).includes(f);
	const person: ReferralPerson = { name: shares('name') ? input.name || account?.name || '' : '' };
	if (shares('contact')) {
		if (input.contact.email) person.email = input.contact.email;
		else if (input.contact.phone) person.phone = input.contact.phone;
		else if (account) {
			// Accounts made with a phone number carry a placeholder address that reaches nobody.
			if (!account.email.endsWith(`@${NO_EMAIL_DOMAIN}`)) person.email = account.email;
			if (account.phone) person.phone = account.phone;
		}
	}
	if (shares('language') && input.language) person.language = input.language;
	if (shares('notes') && input.notes) person.notes = input.notes;
	return person;
}

type Result =
	{ ok: true; id: string } | { ok: false; status: 400 | 403 | 404; errors: FieldErrors };

/**
 * A caseworker refers a person to another organisation's service, after recording the person's
 * consent. The person is linked to their account when the contact given matches one (they can then
 * follow the referral); otherwise a minimal record, limited to what they agreed to share, is kept.
 */
export async function createReferral(
	deps: ReferralDeps,
	actor: Actor,
	raw: unknown,
	now = new Date()
): Promise<Result> {
	if (!actor) return { ok: false, status: 403, errors: {} };
	const parsed = referralForm.safeParse(raw);
	if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
	const input = parsed.data;
	const { db } = deps;
	const target = await referableService(db, input.serviceId, 'en');
	if (!target)
		return { ok: false, status: 404, errors: { form: 'referral_error_service_invalid' } };
	const mine = await referringOrganisations(db, actor);
	if (!mine.some((o) => o.id === input.fromOrganisationId))
		return { ok: false, status: 403, errors: {} };
	if (target.organisationId === input.fromOrganisationId)
		return {
			ok: false,
			status: 400,
			errors: { fromOrganisationId: 'referral_error_own_organisation' }
		};

	const account = await findAccount(db, input.contact);
	const person = consentedPerson(input, account);
	if (!account) {
		if (!input.name)
			return { ok: false, status: 400, errors: { name: 'referral_error_name_required' } };
		if (!person.name && !person.email && !person.phone)
			return { ok: false, status: 400, errors: { shared: 'referral_error_share_identity' } };
	}

	const id = randomUUID();
	await db.transaction(async (tx) => {
		await tx.insert(referral).values({
			id,
			serviceId: target.id,
			fromOrganisationId: input.fromOrganisationId,
			toOrganisationId: target.organisationId,
			createdBy: actor.id,
			personUserId: account?.id ?? null,
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
			detail: { shared: input.shared, linkedAccount: !!account }
		});
	});
	if (deps.mailer && deps.origin)
		await sendReferralEmails(deps.mailer, await organisationAdmins(db, target.organisationId), {
			kind: 'new',
			origin: deps.origin,
			referralId: id
		});
	return { ok: true, id };
}
