import { describe, expect, it } from 'vitest';
import { testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import { postMessage, startConversation } from './post.ts';

describe.skipIf(!process.env.TEST_DATABASE_URL)(
	'live messages across two instances on one PostgreSQL',
	() => {
		it('a message posted through one instance reaches a live connection held by the other', async () => {
			const target = { kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL };
			const one = await testServices(target);
			const two = await testServices(target, {}, { reset: false });
			try {
				const [sara, yusuf] = await Promise.all([
					buildActor(one, { name: 'Sara' }),
					buildActor(one, { name: 'Yusuf' })
				]);
				const heard: number[] = [];
				const stop = await two.live.subscribe(yusuf.id, (e) => heard.push(e.messageId));
				const started = await startConversation(
					{ db: one.database.db, notifier: one.notifier },
					sara,
					{ to: [yusuf.id], body: 'Through instance one' }
				);
				if (!started.ok) throw new Error(JSON.stringify(started));
				const posted = await postMessage(
					{ db: one.database.db, notifier: one.notifier },
					sara,
					started.value.id,
					{ body: 'And again' }
				);
				if (!posted.ok) throw new Error(JSON.stringify(posted));
				await expect.poll(() => heard.length, { timeout: 5000 }).toBe(2);
				expect(heard.at(-1)).toBe(posted.value.id);
				stop();
			} finally {
				await one.database.close();
				await two.database.close();
			}
		});
	}
);
