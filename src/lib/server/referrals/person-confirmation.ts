import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { hashToken, isTokenShaped, verifiedContacts } from '../organisations/contact-tokens.ts';
import { referral } from './schema.ts';

/**
 * "Organisation X referred you to service Y: this is me / not me". A referral is linked to an
 * account only by the person's own "this is me", signed in with the contact the referral was sent
 * to (a verified address or phone number); "not me" needs only the link that reached the contact,
 * and ends every message to it about this referral (docs/decisions/0010).
 */

const fromOrg = alias(organisation, 'from_org');

const emailOf = sql<string | null>`(${referral.person}->>'email')`;
const phoneOf = sql<string | null>`(${referral.person}->>'phone')`;

function sentTo(contacts: string[]) {
	return or(inArray(emailOf, contacts), inArray(phoneOf, contacts));
}

const view = {
	id: referral.id,
	email: emailOf,
	phone: phoneOf,
	from: fromOrg.name,
	serviceName: service.name,
	translations: service.translations,
	createdAt: referral.createdAt
};

function present(
	r: {
		id: string;
		from: string;
		serviceName: string;
		translations: Record<string, { name?: string }>;
		createdAt: Date;
	},
	locale: string
) {
	return {
		id: r.id,
		from: r.from,
		service: r.translations[locale]?.name || r.serviceName,
		createdAt: r.createdAt.toISOString()
	};
}

function pendingRows(db: Db) {
	return db
		.select(view)
		.from(referral)
		.innerJoin(service, eq(service.id, referral.serviceId))
		.innerJoin(fromOrg, eq(fromOrg.id, referral.fromOrganisationId));
}

/** Referrals waiting for the actor's answer: sent to a contact they verified, not answered yet. */
export async function referralsWaitingFor(db: Db, actor: Actor, locale: string) {
	if (!actor) return [];
	const { contacts } = await verifiedContacts(db, actor.id);
	if (!contacts.length) return [];
	const rows = await pendingRows(db)
		.where(and(eq(referral.personConfirmation, 'pending'), sentTo(contacts)))
		.orderBy(desc(referral.createdAt));
	return rows.map((r) => present(r, locale));
}

/**
 * What the link sent to the person shows. Anyone holding the link may say "not me"; only someone
 * signed in with the contact it was sent to sees who referred them to what, and may say "this is me".
 */
export async function referralByToken(db: Db, actor: Actor, token: unknown, locale: string) {
	if (!isTokenShaped(token)) return null;
	const [row] = await pendingRows(db).where(
		and(eq(referral.personConfirmation, 'pending'), eq(referral.personTokenHash, hashToken(token)))
	);
	if (!row) return null;
	const contacts = actor ? (await verifiedContacts(db, actor.id)).contacts : [];
	const matches = contacts.some((c) => c === row.email || c === row.phone);
	return { matches, referral: matches ? present(row, locale) : null };
}

/**
 * The person's answer. "me" links the referral to the actor's account (they then follow it like
 * any linked person); "not_me" records it and clears the link's token, so nothing more is sent.
 */
export async function answerAsPerson(
	db: Db,
	actor: Actor,
	ref: { token: unknown } | { id: unknown },
	answer: 'me' | 'not_me',
	now = new Date()
): Promise<Result<{ id: string }>> {
	const contacts = actor ? (await verifiedContacts(db, actor.id)).contacts : [];
	let where;
	if ('token' in ref) {
		if (!isTokenShaped(ref.token))
			return failure('not_found', { form: 'referral_claim_not_found' });
		where = eq(referral.personTokenHash, hashToken(ref.token));
		if (answer === 'me' && !actor) return failure('forbidden');
	} else {
		if (typeof ref.id !== 'string' || !ref.id || ref.id.length > 100 || !contacts.length)
			return failure('not_found', { form: 'referral_claim_not_found' });
		where = and(eq(referral.id, ref.id), sentTo(contacts));
	}
	const [row] = await db
		.select({ id: referral.id, email: emailOf, phone: phoneOf })
		.from(referral)
		.where(and(where, eq(referral.personConfirmation, 'pending')));
	if (!row) return failure('not_found', { form: 'referral_claim_not_found' });
	if (answer === 'me' && !contacts.some((c) => c === row.email || c === row.phone))
		return failure('forbidden', { form: 'referral_claim_other_contact' });

	return db.transaction(async (tx): Promise<Result<{ id: string }>> => {
		const changed = await tx
			.update(referral)
			.set({
				personConfirmation: answer === 'me' ? 'confirmed' : 'not_me',
				personUserId: answer === 'me' ? actor!.id : null,
				personTokenHash: null,
				personAnsweredAt: now
			})
			.where(and(eq(referral.id, row.id), eq(referral.personConfirmation, 'pending')))
			.returning({ id: referral.id });
		if (!changed.length) return failure('not_found', { form: 'referral_claim_not_found' });
		await writeAudit(tx, {
			actorId: actor?.id ?? null,
			action: answer === 'me' ? 'referral.person.confirm' : 'referral.person.not_me',
			subjectType: 'referral',
			subjectId: row.id,
			detail: { via: 'token' in ref ? 'link' : 'account' }
		});
		return ok({ id: row.id });
	});
}
