import * as m from '#lib/paraglide/messages.js';
import { isLocale, type Locale } from '#lib/paraglide/runtime.js';
import { currentBrandName } from '../platform/brand-name.ts';

/** "Thursday 10 December, 14:30 (Europe/Paris)" in the person's language and the slot's zone. */
export function whenText(at: Date, zone: string, locale: string) {
	const f = new Intl.DateTimeFormat(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: zone
	});
	return `${f.format(at)} (${zone.replace(/_/g, ' ')})`;
}

const lang = (locale: string): Locale => (isLocale(locale) ? locale : 'en');

/**
 * The SMS a person without an account receives: the time and a link, naming no service or
 * organisation (an SMS can be read by whoever holds the phone; decision 0017).
 */
export function bookedSms(locale: string, when: string, link: string) {
	return m.appointment_sms_booked(
		{ app: currentBrandName(), when, link },
		{ locale: lang(locale) }
	);
}

export function reminderSms(locale: string, when: string, link: string) {
	return m.appointment_sms_reminder(
		{ app: currentBrandName(), when, link },
		{ locale: lang(locale) }
	);
}
