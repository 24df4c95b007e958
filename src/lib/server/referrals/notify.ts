import * as m from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { organisationAdminIds } from '../organisations/admins.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { currentBrandName } from '../platform/brand-name.ts';
import { logger } from '../platform/logger.ts';
import { hitRateLimit, type RateRule } from '../platform/rate-limit.ts';
import type { ReferralDeps } from './deps.ts';
import type { ReferralPerson } from './schema.ts';

function localeOf(value: string): Locale {
	return isLocale(value) ? value : baseLocale;
}

/** Who hears of a change on a referral, by side; the one who acted is left out by `tell`. */
export async function referralParties(
	db: Db | Tx,
	r: {
		fromOrganisationId: string;
		toOrganisationId: string;
		createdBy: string | null;
		personUserId: string | null;
	}
) {
	// The referring side is the caseworker who referred, or their organisation's admins.
	const from = r.createdBy ? [r.createdBy] : await organisationAdminIds(db, r.fromOrganisationId);
	return {
		from,
		to: await organisationAdminIds(db, r.toOrganisationId),
		person: r.personUserId ? [r.personUserId] : []
	};
}

/**
 * Notices about one referral. Like every referral message, what leaves by e-mail or SMS names
 * no organisation, service or person (texts.ts); the link asks the reader to sign in.
 */
export async function tell(
	notifier: Notifier,
	tx: Tx,
	to: string[],
	about: { referralId: string; actorId: string | null },
	kind: 'referral_new' | 'referral_status' | 'referral_message' | 'referral_overdue',
	detail: Record<string, string> = {}
) {
	await notifier.notify(
		tx,
		to
			.filter((userId) => userId !== about.actorId)
			.map((userId) => ({
				userId,
				kind,
				link: `/referrals/${encodeURIComponent(about.referralId)}`,
				detail
			}))
	);
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
