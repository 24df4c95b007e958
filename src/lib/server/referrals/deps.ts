import type { Db } from '../db/client.ts';
import type { Mailer } from '../platform/mail.ts';
import type { Services } from '../platform/services.ts';

/** What referral operations need; routes build it from the running services. */
export type ReferralDeps = {
	db: Db;
	/** Days to accept a referral (REFERRAL_DUE_DAYS); closing gets four times as long. */
	dueDays: number;
	/** Without a mailer (tests, scripts) nobody is notified. */
	mailer?: Mailer;
	origin?: string;
};

export function referralDeps(s: Services): ReferralDeps {
	return {
		db: s.database.db,
		dueDays: s.config.referralDueDays,
		mailer: s.mailer,
		origin: s.config.origin
	};
}
