import { and, eq } from 'drizzle-orm';
import * as m from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { Status } from '#lib/referrals/statuses.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { user } from '../accounts/schema.ts';
import { organisationMember } from '../organisations/schema.ts';
import { currentBrandName } from '../platform/brand-name.ts';
import type { Mailer } from '../platform/mail.ts';
import { logger } from '../platform/logger.ts';
import { hitRateLimit, type RateRule } from '../platform/rate-limit.ts';
import type { ReferralDeps } from './deps.ts';
import type { ReferralPerson } from './schema.ts';

/**
 * E-mails about referrals carry a link and nothing else: no name, no service, no words from the
 * thread. Mail leaves the platform's control, and the link asks the reader to sign in.
 */
export type Recipient = { email: string; locale: Locale };

function localeOf(value: string): Locale {
	return isLocale(value) ? value : baseLocale;
}

export function referralLink(origin: string, locale: Locale, id: string) {
	return `${origin}/${locale}/referrals/${encodeURIComponent(id)}`;
}

/** The active admins of an organisation, in their own language. */
export async function organisationAdmins(
	db: Db | Tx,
	organisationId: string
): Promise<Recipient[]> {
	const rows = await db
		.select({ email: user.email, locale: user.locale })
		.from(organisationMember)
		.innerJoin(user, eq(user.id, organisationMember.userId))
		.where(
			and(
				eq(organisationMember.organisationId, organisationId),
				eq(organisationMember.status, 'active'),
				eq(organisationMember.role, 'admin')
			)
		);
	return rows.map((r) => ({ email: r.email, locale: localeOf(r.locale) }));
}

export async function userRecipient(db: Db | Tx, userId: string): Promise<Recipient | null> {
	const [row] = await db
		.select({ email: user.email, locale: user.locale })
		.from(user)
		.where(eq(user.id, userId));
	return row ? { email: row.email, locale: localeOf(row.locale) } : null;
}

type Kind = { kind: 'new' } | { kind: 'overdue' } | { kind: 'status'; status: Status };

function compose(kind: Kind, locale: Locale, url: string) {
	const app = currentBrandName();
	const o = { locale };
	switch (kind.kind) {
		case 'new':
			return {
				subject: m.referral_email_new_subject({ app }, o),
				text: m.referral_email_new_body({ app, url }, o)
			};
		case 'overdue':
			return {
				subject: m.referral_email_overdue_subject({ app }, o),
				text: m.referral_email_overdue_body({ app, url }, o)
			};
		case 'status': {
			const label = m[`referral_status_${kind.status}`]({}, o);
			return {
				subject: m.referral_email_status_subject({ app }, o),
				text: m.referral_email_status_body({ status: label, url }, o)
			};
		}
	}
}

export async function sendReferralEmails(
	mailer: Mailer,
	recipients: Recipient[],
	opts: { origin: string; referralId: string } & Kind,
	tx?: Tx
) {
	for (const r of recipients) {
		const url = referralLink(opts.origin, r.locale, opts.referralId);
		await mailer.send({ to: r.email, ...compose(opts, r.locale, url) }, { tx });
	}
}

/** Messages asking a person to confirm a referral, per contact: a caseworker cannot flood one. */
export const PERSON_CONTACT_RULE: RateRule = {
	name: 'referral-person-contact',
	limit: 5,
	windowSeconds: 24 * 3600
};

export function personLink(origin: string, locale: Locale, token: string) {
	return `${origin}/${locale}/referrals/claim/${token}`;
}

/**
 * Tells the person, through the contact they agreed to share, that they were referred, with a
 * link to say "this is me" or "not me". Like every referral message it names no organisation and
 * no service: those are shown once they sign in with that contact. Delivery problems, or the
 * per-contact limit, never change the caseworker's answer (the outbox keeps failures).
 */
export async function askPerson(
	deps: Pick<ReferralDeps, 'db' | 'mailer' | 'sms' | 'origin' | 'locale'>,
	person: ReferralPerson,
	token: string
) {
	const to = person.email ?? person.phone;
	if (!to || !deps.origin) return;
	if (!(await hitRateLimit(deps.db, PERSON_CONTACT_RULE, to)).allowed) return;
	const locale = localeOf(
		person.language && isLocale(person.language) ? person.language : (deps.locale ?? '')
	);
	const app = currentBrandName();
	const o = { locale };
	const text = m.referral_person_message({ app, url: personLink(deps.origin, locale, token) }, o);
	try {
		if (person.email && deps.mailer)
			await deps.mailer.send({
				to: person.email,
				subject: m.referral_person_subject({ app }, o),
				text
			});
		else if (person.phone && deps.sms) await deps.sms.send({ to: person.phone, body: text });
	} catch (error) {
		logger.error({ err: String(error) }, 'referral message to the person not delivered');
	}
}
