import * as m from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { currentBrandName } from '../platform/brand-name.ts';

/** E-mail and SMS texts in the recipient's language, signed with the deployment's name. */
export function authEmails(locale: Locale) {
	const app = currentBrandName();
	const o = { locale };
	return {
		verify: (url: string) => ({
			subject: m.email_verify_subject({ app }, o),
			text: m.email_verify_body({ app, url }, o)
		}),
		reset: (url: string) => ({
			subject: m.email_reset_subject({ app }, o),
			text: m.email_reset_body({ app, url }, o)
		}),
		otp: (code: string) => m.sms_code({ app, code }, o)
	};
}
