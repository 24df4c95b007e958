import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { conversation, message } from '../messages/schema.ts';
import { removeDemoContent } from '../admin/demo-content.ts';
import { inbox, readConversation, THREAD_PAGE } from '../messages/read.ts';
import { generatePopulation } from './generate-population.ts';
import { generateMessages } from './generate-messages.ts';

describe('generated messages for benchmarks', () => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices({ kind: 'pglite' });
		await generatePopulation(s.database.db, { members: 30, organisations: 0 });
	});
	afterAll(() => s.database.close());

	it('spreads messages over conversations between generated members, one of them long, once', async () => {
		const db = s.database.db;
		const made = await generateMessages(db, { messages: 2000, conversations: 50, long: 500 });
		expect(made).toMatchObject({ conversations: 50, messages: 2000 });
		const [{ n }] = await db
			.select({ n: count() })
			.from(message)
			.where(eq(message.conversationId, made.long!));
		expect(n).toBeGreaterThanOrEqual(500);
		expect(
			await generateMessages(db, { messages: 2000, conversations: 50, long: 500 })
		).toMatchObject({
			messages: 0
		});
		// Readable as any conversation: the newest page, then an older one.
		const [{ authorId }] = await db
			.select({ authorId: message.authorId })
			.from(message)
			.where(eq(message.conversationId, made.long!))
			.limit(1);
		const actor = { id: authorId!, roles: ['member' as const] };
		const page = await readConversation(db, actor, made.long!);
		if (!page.ok) throw new Error('unreadable');
		expect(page.value.messages).toHaveLength(THREAD_PAGE);
		expect(page.value.older).not.toBeNull();
		expect((await inbox(db, actor)).length).toBeGreaterThan(0);
	});

	it('goes with the example members when the example content is removed', async () => {
		const db = s.database.db;
		expect((await removeDemoContent(db, 'command-line')).ok).toBe(true);
		expect((await db.select({ n: count() }).from(message))[0].n).toBe(0);
		expect((await db.select({ n: count() }).from(conversation))[0].n).toBe(0);
	});
});
