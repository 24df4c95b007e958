import { and, eq } from 'drizzle-orm';
import * as m from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { Status } from '#lib/referrals/statuses.ts';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { organisationMember } from '../members/schema.ts';
import { currentBrandName } from '../platform/brand-name.ts';
import type { Mailer } from '../platform/mail.ts';

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
export async function organisationAdmins(db: Db, organisationId: string): Promise<Recipient[]> {
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

export async function userRecipient(db: Db, userId: string): Promise<Recipient | null> {
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
	opts: { origin: string; referralId: string } & Kind
) {
	for (const r of recipients) {
		const url = referralLink(opts.origin, r.locale, opts.referralId);
		await mailer.send({ to: r.email, ...compose(opts, r.locale, url) });
	}
}
