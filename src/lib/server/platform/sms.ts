import type { Db } from '../db/client.ts';
import { outbox } from './schema.ts';
import { logger } from './logger.ts';

export type Sms = { to: string; body: string };
export type SmsSender = { send(sms: Sms): Promise<void> };

/**
 * Posts `{to, body}` as JSON to the configured webhook (any SMS gateway can sit behind it);
 * without one, the message is kept in the outbox for administrators.
 */
export function createSmsSender(db: Db, opts: { webhookUrl?: string }): SmsSender {
	return {
		async send(sms) {
			if (!opts.webhookUrl) {
				const [row] = await db
					.insert(outbox)
					.values({ channel: 'sms', recipient: sms.to, body: sms.body, status: 'logged' })
					.returning({ id: outbox.id });
				logger.info(
					{ outboxId: row.id, channel: 'sms' },
					'SMS kept in outbox (no SMS_WEBHOOK_URL)'
				);
				return;
			}
			try {
				const response = await fetch(opts.webhookUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ to: sms.to, body: sms.body }),
					signal: AbortSignal.timeout(10_000)
				});
				if (!response.ok) throw new Error(`webhook answered ${response.status}`);
				await db
					.insert(outbox)
					.values({ channel: 'sms', recipient: sms.to, body: '', status: 'sent' });
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				await db.insert(outbox).values({
					channel: 'sms',
					recipient: sms.to,
					body: sms.body,
					status: 'failed',
					error: message.slice(0, 500)
				});
				logger.error({ err: message, channel: 'sms' }, 'SMS delivery failed; kept in outbox');
				throw new Error('SMS delivery failed', { cause: error });
			}
		}
	};
}
