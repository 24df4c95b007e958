import nodemailer from 'nodemailer';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { outbox } from './schema.ts';
import { logger } from './logger.ts';
import type { Queue, QueueDefinition } from './queue.ts';

export type Email = { to: string; subject: string; text: string };
/**
 * `tx`: the transaction of the change the message is about. The message is then written with it,
 * so a change that commits has its message queued, and one that rolls back sends nothing.
 */
export type Mailer = { send(email: Email, opts?: { tx?: Tx }): Promise<void> };

/** Addresses on the reserved `.invalid` domain stand for accounts without e-mail: never sent. */
export const NO_EMAIL_DOMAIN = 'phone.passerelle.invalid';

export type MailTransport = { deliver(email: Email): Promise<void> };

export function smtpTransport(opts: { smtpUrl: string; from: string }): MailTransport {
	const transport = nodemailer.createTransport(opts.smtpUrl);
	return {
		async deliver(email) {
			await transport.sendMail({ from: opts.from, ...email });
		}
	};
}

export const EMAIL_JOB = 'deliver-email';

/**
 * A message is written to the outbox and its delivery queued in one transaction: a request never
 * waits on the mail server, and a message the platform said it would send is never lost. Without a
 * server configured, the message is kept in the outbox for administrators. Delivered messages keep
 * no body: links and codes in them must not outlive delivery.
 */
export function createMailer(db: Db, queue: Queue, transport: MailTransport | null): Mailer {
	return {
		async send(email, opts) {
			if (email.to.endsWith(`@${NO_EMAIL_DOMAIN}`)) return;
			const row = {
				channel: 'email' as const,
				recipient: email.to,
				subject: email.subject,
				body: email.text
			};
			if (!transport) {
				const [kept] = await (opts?.tx ?? db)
					.insert(outbox)
					.values({ ...row, status: 'logged' })
					.returning({ id: outbox.id });
				logger.info({ outboxId: kept.id, channel: 'email' }, 'e-mail kept in outbox (no SMTP_URL)');
				return;
			}
			const queue_ = async (tx: Tx) => {
				const [queued] = await tx
					.insert(outbox)
					.values({ ...row, status: 'queued' })
					.returning({ id: outbox.id });
				await queue.enqueue(EMAIL_JOB, { outboxId: queued.id }, { tx });
			};
			await (opts?.tx ? queue_(opts.tx) : db.transaction(queue_));
		}
	};
}

/** Delivers one queued outbox message; a failure is retried with back-off and shown to admins. */
export function deliveryJob(
	db: Db,
	name: string,
	deliver: (row: { recipient: string; subject: string | null; body: string }) => Promise<void>
): QueueDefinition {
	return {
		name,
		retryLimit: 6,
		retryDelaySeconds: 30,
		expireInSeconds: 60,
		async handler(payload, ctx) {
			const id = Number(payload.outboxId);
			const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
			// Sent already (a retry after a lost acknowledgement), or erased with its person.
			if (!row || row.status === 'sent') return;
			try {
				await deliver(row);
			} catch (error) {
				const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
				const forget = row.forgetRecipient && ctx.lastAttempt ? { recipient: '' } : {};
				await db
					.update(outbox)
					.set({ status: 'failed', error: message, attempts: ctx.attempt, ...forget })
					.where(eq(outbox.id, id));
				logger.error(
					{ err: message, outboxId: id, attempt: ctx.attempt, final: ctx.lastAttempt },
					'delivery failed'
				);
				throw error;
			}
			await db
				.update(outbox)
				.set({
					status: 'sent',
					body: '',
					error: null,
					attempts: ctx.attempt,
					...(row.forgetRecipient ? { recipient: '' } : {})
				})
				.where(eq(outbox.id, id));
		}
	};
}

export function emailDeliveryJob(db: Db, transport: MailTransport | null) {
	return deliveryJob(db, EMAIL_JOB, async (row) => {
		if (!transport) throw new Error('no SMTP_URL configured');
		await transport.deliver({ to: row.recipient, subject: row.subject ?? '', text: row.body });
	});
}
