import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';

/** Seconds between comments that keep proxies from closing an idle connection. */
const HEARTBEAT = 25;

/**
 * Server-Sent Events for the signed-in member: one `message` event per new message in any of their
 * conversations (its conversation id only: the page fetches what it shows, as it would on reload).
 * Across instances through LISTEN/NOTIFY (messages/live.ts). Without JavaScript nothing asks for it.
 */
export const GET: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, 'Sign in first');
	const { live } = await app();
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			const unsubscribe = await live.subscribe(locals.user!.id, (e) =>
				send(
					`event: message\ndata: ${JSON.stringify({ conversation: e.conversationId, id: e.messageId })}\n\n`
				)
			);
			const beat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT * 1000);
			stop = () => {
				clearInterval(beat);
				unsubscribe();
			};
			request.signal.addEventListener('abort', () => {
				stop();
				try {
					controller.close();
				} catch {
					/* already closed */
				}
			});
			// Tells the browser to wait five seconds before reconnecting after a drop.
			send('retry: 5000\n: connected\n\n');
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
