import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export type ReceivedMail = { to: string; subject: string; text: string };

/** A real SMTP server on loopback that keeps what it receives. */
export async function startSmtp(port = 0) {
	const mails: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					for (const rcpt of session.envelope.rcptTo) {
						mails.push({
							to: rcpt.address.toLowerCase(),
							subject: parsed.subject ?? '',
							text: parsed.text ?? ''
						});
					}
					callback();
				})
				.catch((error) => callback(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actual = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${actual}`,
		mails,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
