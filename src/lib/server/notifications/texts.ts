import * as m from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { NoticeKind } from '#lib/notifications/kinds.ts';
import { currentBrandName } from '../platform/brand-name.ts';

type Message = (inputs?: Record<string, string>, options?: { locale: Locale }) => string;
const messages = m as unknown as Record<string, Message | undefined>;

function statusLabel(kind: string, detail: Record<string, string>, locale: Locale) {
	const family = kind.startsWith('opportunity_') ? 'application' : 'referral';
	const label = detail.status ? messages[`${family}_status_${detail.status}`] : undefined;
	return label ? label({}, { locale }) : '';
}

/** The sentence of the account's list: it may name the organisation, service or reason. */
export function noticeSentence(kind: string, detail: Record<string, string>, locale: Locale) {
	const message = messages[`notice_${kind}`] ?? m.notice_unknown;
	return message({ ...detail, status: statusLabel(kind, detail, locale) }, { locale });
}

/**
 * What leaves by e-mail or SMS: a sentence that names no organisation, service or person, and
 * the link (mail leaves the platform's control; the page asks the reader to sign in).
 */
export function outgoingText(
	kind: NoticeKind,
	detail: Record<string, string>,
	locale: Locale,
	url: string,
	origin: string
) {
	const app = currentBrandName();
	const o = { locale };
	const message = messages[`notice_out_${kind}`] ?? m.notice_unknown;
	const what = message({ status: statusLabel(kind, detail, locale) }, o);
	const settings = `${origin}/${locale}/account/notifications`;
	return {
		subject: m.notice_mail_subject({ app, what }, o),
		body: m.notice_mail_body({ what, url, settings }, o),
		sms: m.notice_sms({ app, what, url }, o)
	};
}
