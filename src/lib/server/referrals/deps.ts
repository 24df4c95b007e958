import type { Db } from '../db/client.ts';
import type { Mailer } from '../platform/mail.ts';
import type { SmsSender } from '../platform/sms.ts';
import type { PlatformContext } from '../platform/context.ts';
import type { Notifier } from '../notifications/notifier.ts';

/** What referral operations need; routes build it from the running services. */
export type ReferralDeps = {
	db: Db;
	/** Days to accept a referral (REFERRAL_DUE_DAYS); closing gets four times as long. */
	dueDays: number;
	/** The organisations, the caseworker and the person hear of each change through it. */
	notifier: Notifier;
	/** Without one, a person given by e-mail is not asked to confirm (tests, scripts). */
	mailer?: Mailer;
	/** Without one, a person given by phone number is not told (tests, scripts). */
	sms?: SmsSender;
	origin?: string;
	/** The caseworker's language: for a message to a person whose language is not one of ours. */
	locale?: string;
};

export function referralDeps(s: PlatformContext & { notifier: Notifier }): ReferralDeps {
	return {
		db: s.database.db,
		dueDays: s.config.referralDueDays,
		notifier: s.notifier,
		mailer: s.mailer,
		sms: s.sms,
		origin: s.config.origin
	};
}
