import { eq } from 'drizzle-orm';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { NoticeKind } from '#lib/notifications/kinds.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { user } from '../accounts/schema.ts';
import { NO_EMAIL_DOMAIN, type Mailer } from '../platform/mail.ts';
import type { Queue, QueueDefinition } from '../platform/queue.ts';
import type { SmsSender } from '../platform/sms.ts';
import { notification, notificationSetting } from './schema.ts';
import { outgoingText } from './texts.ts';

/** One thing to tell one person: what happened, the page it is about, what the sentence names. */
export type Notice = {
	userId: string;
	kind: NoticeKind;
	/** A path without the language prefix: `/referrals/…`, `/organisations/…`. */
	link: string;
	detail?: Record<string, string>;
	/** False when the person is told otherwise already (an invitation's own message). */
	deliver?: boolean;
};

/**
 * Modules tell people through this, inside the transaction of the change: the notice is then
 * saved, and its e-mail or SMS queued, exactly when the change commits.
 */
export type Notifier = { notify(tx: Tx, notices: Notice[]): Promise<void> };

export const NOTICE_JOB = 'deliver-notices';

/**
 * For records that happened elsewhere or long ago (generated history, imports): nobody is told.
 * Never for a change a person makes now.
 */
export const recordsOnly: Notifier = { notify: async () => {} };

export function createNotifier(queue: Queue): Notifier {
	return {
		async notify(tx, notices) {
			if (!notices.length) return;
			// One notice per person and kind for one change (an admin of both organisations).
			const seen = new Set<string>();
			const unique = notices.filter((n) => {
				const key = `${n.userId}\n${n.kind}`;
				if (seen.has(key)) return false;
				seen.add(key);
				return true;
			});
			const rows = await tx
				.insert(notification)
				.values(
					unique.map((n) => ({
						userId: n.userId,
						kind: n.kind,
						link: n.link,
						detail: n.detail ?? {},
						deliver: n.deliver !== false
					}))
				)
				.returning({ id: notification.id, deliver: notification.deliver });
			const ids = rows.filter((r) => r.deliver).map((r) => r.id);
			if (ids.length) await queue.enqueue(NOTICE_JOB, { ids }, { tx });
		}
	};
}

function hasEmail(email: string) {
	return !!email && !email.endsWith(`@${NO_EMAIL_DOMAIN}`);
}

/** The channel a notice goes by, from the person's choice and the contacts their account has. */
export function channelFor(
	choice: string,
	contacts: { email: string; phone: string | null }
): 'email' | 'sms' | null {
	const email = hasEmail(contacts.email);
	const phone = !!contacts.phone;
	switch (choice) {
		case 'none':
			return null;
		case 'email':
			return email ? 'email' : phone ? 'sms' : null;
		case 'sms':
			return phone ? 'sms' : email ? 'email' : null;
		default:
			return email ? 'email' : phone ? 'sms' : null;
	}
}

type DeliveryDeps = { db: Db; mailer: Mailer; sms: SmsSender; origin: string };

/**
 * Sends each notice by the person's channel, in their language, through the outbox (mail.ts,
 * sms.ts: one more queued delivery each). A notice is claimed with its message in one
 * transaction, so a retried job never sends twice.
 */
export function noticeDeliveryJob(deps: DeliveryDeps): QueueDefinition {
	return {
		name: NOTICE_JOB,
		retryLimit: 5,
		retryDelaySeconds: 30,
		async handler(payload) {
			const ids = (Array.isArray(payload.ids) ? payload.ids : []).map(Number).filter(Boolean);
			if (!ids.length) return { sent: 0 };
			let sent = 0;
			for (const id of ids) if (await deliverOne(deps, id)) sent++;
			return { sent };
		}
	};
}

async function deliverOne(deps: DeliveryDeps, id: number) {
	return deps.db.transaction(async (tx) => {
		const [row] = await tx
			.select({
				id: notification.id,
				kind: notification.kind,
				link: notification.link,
				detail: notification.detail,
				sentVia: notification.sentVia,
				email: user.email,
				phone: user.phoneNumber,
				phoneVerified: user.phoneNumberVerified,
				locale: user.locale,
				channel: notificationSetting.channel
			})
			.from(notification)
			.innerJoin(user, eq(user.id, notification.userId))
			.leftJoin(notificationSetting, eq(notificationSetting.userId, notification.userId))
			.where(eq(notification.id, id))
			.for('update', { of: notification });
		// Sent already (a retry), or gone with its person.
		if (!row || row.sentVia !== null) return false;
		const channel = channelFor(row.channel ?? 'auto', {
			email: row.email,
			phone: row.phoneVerified ? row.phone : null
		});
		const locale: Locale = isLocale(row.locale) ? row.locale : baseLocale;
		const url = `${deps.origin}/${locale}${row.link}`;
		const text = outgoingText(row.kind as NoticeKind, row.detail, locale, url, deps.origin);
		if (channel === 'email')
			await deps.mailer.send({ to: row.email, subject: text.subject, text: text.body }, { tx });
		if (channel === 'sms' && row.phone)
			await deps.sms.send({ to: row.phone, body: text.sms }, { tx });
		await tx
			.update(notification)
			.set({ sentVia: channel ?? '' })
			.where(eq(notification.id, row.id));
		return channel !== null;
	});
}
