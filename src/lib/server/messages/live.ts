import type { Database } from '../db/client.ts';
import { logger } from '../platform/logger.ts';

/** The channel a new message is announced on, when its transaction commits (post.ts). */
export const LIVE_CHANNEL = 'passerelle_message';

export type LiveEvent = { conversationId: string; messageId: number };
type Listener = (event: LiveEvent) => void;

export type LiveHub = {
	/** Calls `listener` for each new message of a conversation `userId` is in; returns the unsubscribe. */
	subscribe(userId: string, listener: Listener): Promise<() => void>;
	/** Open live connections on this instance (metrics, the bench). */
	size(): number;
	stop(): Promise<void>;
};

/**
 * One LISTEN per instance, shared by every live connection it holds: a message posted through any
 * instance on the same database reaches the browsers connected to all of them. The payload names
 * the conversation, the message and its members, and nothing they wrote.
 */
export function createLiveHub(database: Pick<Database, 'listen'>): LiveHub {
	const byUser = new Map<string, Set<Listener>>();
	let listening: Promise<() => Promise<void>> | null = null;
	let count = 0;
	const onPayload = (payload: string) => {
		let event: { c?: unknown; m?: unknown; u?: unknown };
		try {
			event = JSON.parse(payload);
		} catch {
			return;
		}
		if (typeof event.c !== 'string' || typeof event.m !== 'number' || !Array.isArray(event.u))
			return;
		for (const userId of event.u) {
			for (const listener of byUser.get(String(userId)) ?? []) {
				try {
					listener({ conversationId: event.c, messageId: event.m });
				} catch (error) {
					logger.warn({ err: error }, 'live listener failed');
				}
			}
		}
	};
	return {
		async subscribe(userId, listener) {
			listening ??= database.listen(LIVE_CHANNEL, onPayload);
			await listening;
			let set = byUser.get(userId);
			if (!set) byUser.set(userId, (set = new Set()));
			set.add(listener);
			count++;
			return () => {
				if (!set.delete(listener)) return;
				count--;
				if (!set.size) byUser.delete(userId);
			};
		},
		size: () => count,
		async stop() {
			byUser.clear();
			count = 0;
			if (listening) await (await listening)();
			listening = null;
		}
	};
}
