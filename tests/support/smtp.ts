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
	// A sender that dies mid-conversation (the crash test SIGKILLs the platform) resets its
	// connection; smtp-server reports that as an 'error' event, which would otherwise be thrown.
	const connectionErrors: Error[] = [];
	server.on('error', (error) => connectionErrors.push(error));
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actual = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${actual}`,
		mails,
		connectionErrors,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
