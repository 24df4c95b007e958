import nodemailer from 'nodemailer';
import type { Db } from '../db/client.ts';
import { outbox } from './schema.ts';
import { logger } from './logger.ts';

export type Email = { to: string; subject: string; text: string };
export type Mailer = { send(email: Email): Promise<void> };

/** Addresses on the reserved `.invalid` domain stand for accounts without e-mail: never sent. */
export const NO_EMAIL_DOMAIN = 'phone.passerelle.invalid';

/**
 * Sends through SMTP when configured; otherwise keeps the message in the outbox for administrators.
 * Delivered messages keep no body: links and codes in them must not outlive delivery.
 */
export function createMailer(db: Db, opts: { smtpUrl?: string; from: string }): Mailer {
	const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
	return {
		async send(email) {
			if (email.to.endsWith(`@${NO_EMAIL_DOMAIN}`)) return;
			if (!transport) {
				const [row] = await db
					.insert(outbox)
					.values({
						channel: 'email',
						recipient: email.to,
						subject: email.subject,
						body: email.text,
						status: 'logged'
					})
					.returning({ id: outbox.id });
				logger.info({ outboxId: row.id, channel: 'email' }, 'e-mail kept in outbox (no SMTP_URL)');
				return;
			}
			try {
				await transport.sendMail({
					from: opts.from,
					to: email.to,
					subject: email.subject,
					text: email.text
				});
				await db.insert(outbox).values({
					channel: 'email',
					recipient: email.to,
					subject: email.subject,
					body: '',
					status: 'sent'
				});
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				await db.insert(outbox).values({
					channel: 'email',
					recipient: email.to,
					subject: email.subject,
					body: email.text,
					status: 'failed',
					error: message.slice(0, 500)
				});
				logger.error({ err: message, channel: 'email' }, 'e-mail delivery failed; kept in outbox');
			}
		}
	};
}
