import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { outbox } from './schema.ts';
import { logger } from './logger.ts';
import type { Queue } from './queue.ts';
import { deliveryJob } from './mail.ts';

export type Sms = { to: string; body: string };
/**
 * `tx`: as for e-mail (mail.ts), the transaction of the change the message is about. `forget`: the
 * number is not kept once the message has left or given up (replies to people who texted in).
 */
export type SmsSender = { send(sms: Sms, opts?: { tx?: Tx; forget?: boolean }): Promise<void> };

export type SmsGateway = { deliver(sms: Sms): Promise<void> };

/** Posts `{to, body}` as JSON to the configured webhook; any SMS gateway can sit behind it. */
export function webhookGateway(url: string): SmsGateway {
	return {
		async deliver(sms) {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ to: sms.to, body: sms.body }),
				signal: AbortSignal.timeout(10_000)
			});
			if (!response.ok) throw new Error(`webhook answered ${response.status}`);
		}
	};
}

export const SMS_JOB = 'deliver-sms';

/** Like e-mail (mail.ts): outbox row and queued delivery in one transaction, or kept without a gateway. */
export function createSmsSender(db: Db, queue: Queue, gateway: SmsGateway | null): SmsSender {
	return {
		async send(sms, opts) {
			const forgetRecipient = opts?.forget ?? false;
			const row = { channel: 'sms' as const, recipient: sms.to, body: sms.body, forgetRecipient };
			if (!gateway) {
				const [kept] = await (opts?.tx ?? db)
					.insert(outbox)
					.values({ ...row, recipient: forgetRecipient ? '' : sms.to, status: 'logged' })
					.returning({ id: outbox.id });
				logger.info(
					{ outboxId: kept.id, channel: 'sms' },
					'SMS kept in outbox (no SMS_WEBHOOK_URL)'
				);
				return;
			}
			const queue_ = async (tx: Tx) => {
				const [queued] = await tx
					.insert(outbox)
					.values({ ...row, status: 'queued' })
					.returning({ id: outbox.id });
				await queue.enqueue(SMS_JOB, { outboxId: queued.id }, { tx });
			};
			await (opts?.tx ? queue_(opts.tx) : db.transaction(queue_));
		}
	};
}

export function smsDeliveryJob(db: Db, gateway: SmsGateway | null) {
	return deliveryJob(db, SMS_JOB, async (row) => {
		if (!gateway) throw new Error('no SMS_WEBHOOK_URL configured');
		await gateway.deliver({ to: row.recipient, body: row.body });
	});
}
