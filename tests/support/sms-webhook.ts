import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedSms = { to: string; body: string };

/** A local HTTP endpoint standing in for an SMS gateway: it records `{to, body}` posts. */
export async function startSmsWebhook(port = 0) {
	const messages: ReceivedSms[] = [];
	let failNext = 0;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			if (failNext > 0) {
				failNext--;
				res.writeHead(503).end();
				return;
			}
			try {
				const body = JSON.parse(raw) as ReceivedSms;
				messages.push({ to: body.to, body: body.body });
				res.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
			} catch {
				res.writeHead(400).end();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actual = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${actual}/sms`,
		messages,
		failNextRequests(n: number) {
			failNext = n;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
