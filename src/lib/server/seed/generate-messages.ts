import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversation, conversationMember, message } from '../messages/schema.ts';
import { idFor, random } from './random.ts';

export type GenerateMessagesOptions = {
	/** Messages in all. */
	messages: number;
	/** Conversations they are spread over (one of them holds `long` messages, for the thread bench). */
	conversations: number;
	/** Messages of the one long conversation. */
	long?: number;
	seed?: number;
	batch?: number;
};

/**
 * Private messages between generated members (`gen-…` ids, made by generatePopulation first), for
 * benchmarks: direct conversations between random pairs, the first one long, written as rows (no
 * notices, no live announcements: nobody is told of history). Ids come from the seed; a second run
 * finds the first conversation holding messages already and adds nothing. Returns what was written.
 */
export async function generateMessages(
	db: Db,
	opts: GenerateMessagesOptions,
	log: (line: string) => void = () => {}
) {
	const seed = opts.seed ?? 42;
	const rnd = random(seed + 7);
	const members = (await db.execute(
		sql`select id from "user" where id like 'gen-%' order by id`
	)) as unknown as { rows: { id: string }[] };
	const ids = members.rows.map((r) => r.id);
	if (ids.length < 2 || !opts.messages || !opts.conversations)
		return { conversations: 0, messages: 0, long: null };
	const count = Math.min(opts.conversations, opts.messages);
	const long = Math.min(opts.long ?? 500, opts.messages);
	const batch = opts.batch ?? 5000;
	const pairs: { id: string; a: string; b: string }[] = [];
	const keys = new Set<string>();
	for (let i = 0; pairs.length < count && i < count * 4; i++) {
		const a = ids[Math.floor(rnd() * ids.length)];
		const b = ids[Math.floor(rnd() * ids.length)];
		const key = [a, b].sort().join('|');
		if (a === b || keys.has(key)) continue;
		keys.add(key);
		pairs.push({ id: idFor(seed, 'conversation', key), a, b });
	}
	if (!pairs.length) return { conversations: 0, messages: 0, long: null };
	const [done] = (
		(await db.execute(
			sql`select 1 from message where conversation_id = ${pairs[0].id} limit 1`
		)) as unknown as { rows: unknown[] }
	).rows;
	if (done) return { conversations: 0, messages: 0, long: pairs[0].id };
	const start = Date.now() - opts.messages * 60_000;
	for (let i = 0; i < pairs.length; i += batch) {
		const slice = pairs.slice(i, i + batch);
		await db.transaction(async (tx) => {
			await tx
				.insert(conversation)
				.values(
					slice.map((p) => ({
						id: p.id,
						kind: 'direct' as const,
						directKey: [p.a, p.b].sort().join('|'),
						createdBy: p.a,
						createdAt: new Date(start)
					}))
				)
				.onConflictDoNothing();
			await tx
				.insert(conversationMember)
				.values(
					slice.flatMap((p) => [p.a, p.b].map((userId) => ({ conversationId: p.id, userId })))
				)
				.onConflictDoNothing();
		});
	}
	log(`conversations ${pairs.length}`);
	const texts = [
		'Hello, are you coming on Saturday?',
		'Thank you for the contact of the legal desk.',
		'Merci, à demain.',
		'¿Sabes si la oficina abre el lunes?',
		'شكراً جزيلاً، سأتصل بهم غداً.',
		'Here is the **address** of the workshop.'
	];
	let written = 0;
	while (written < opts.messages) {
		const rows: (typeof message.$inferInsert)[] = [];
		for (let k = 0; k < batch && written < opts.messages; k++, written++) {
			// The first `long` messages go to the first conversation; the others anywhere.
			const p = written < long ? pairs[0] : pairs[Math.floor(rnd() * pairs.length)];
			rows.push({
				conversationId: p.id,
				authorId: rnd() < 0.5 ? p.a : p.b,
				body: texts[Math.floor(rnd() * texts.length)],
				createdAt: new Date(start + written * 60_000)
			});
		}
		await db.insert(message).values(rows);
		log(`messages ${written}/${opts.messages}`);
	}
	// Conversations move up the inbox by their last message; members have read about half.
	await db.execute(sql`update conversation c set last_message_at = m.at
		from (select conversation_id, max(created_at) at from message group by conversation_id) m
		where m.conversation_id = c.id and c.direct_key like 'gen-%'`);
	await db.execute(sql`update conversation_member cm set last_read_id = m.half
		from (select conversation_id, (min(id) + max(id)) / 2 half from message group by conversation_id) m
		where m.conversation_id = cm.conversation_id and cm.user_id like 'gen-%'`);
	for (const table of ['conversation', 'conversation_member', 'message'])
		await db.execute(sql.raw(`analyze "${table}"`));
	return { conversations: pairs.length, messages: written, long: pairs[0].id };
}
