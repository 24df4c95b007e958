import { sql } from 'drizzle-orm';
import { COMMUNITY_THEMES } from '#lib/communities/forms.ts';
import { EVENT_FORMATS, EVENT_KINDS } from '#lib/events/forms.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { searchKey } from '../search/normalise.ts';
import {
	community,
	communityMember,
	communityReply,
	communityThread
} from '../communities/schema.ts';
import { event, eventRegistration } from '../events/schema.ts';
import { idFor, picker, random } from './random.ts';

export type GenerateConnectOptions = {
	communities: number;
	events: number;
	/** Threads of the first community (for the thread-list bench); others get a few dozen. */
	longThreads?: number;
	seed?: number;
};

const ZONES = [
	'Europe/Paris',
	'Europe/Madrid',
	'Africa/Lagos',
	'America/Bogota',
	'Asia/Amman',
	'Europe/Dublin'
];
const COUNTRIES = ['FR', 'ES', 'NG', 'CO', 'JO', 'IE', 'SY', 'SN', 'MA', 'PE'];
const TITLES = [
	'Where to find a family doctor',
	'Cours de français le samedi',
	'¿Alguien conoce un buen abogado?',
	'أين أجد سكناً بسعر معقول؟',
	'Recognition of diplomas: my experience',
	'Garde d’enfants pendant les formations'
];
const BODIES = [
	'I have been looking for weeks; any advice is welcome.',
	'Merci à toutes et à tous pour vos réponses.',
	'Gracias, me sirvió mucho.',
	'شكراً لكم على المساعدة.',
	'Here is the **address** and the opening hours.'
];

/**
 * Communities with threads and replies, and upcoming events with registrations, between
 * generated members (`gen-…`, made by generatePopulation first), for benchmarks: rows written
 * directly (no notices), marked as example content, deterministic from the seed. A second run
 * finds the first community and adds nothing.
 */
export async function generateConnect(
	db: Db,
	opts: GenerateConnectOptions,
	log: (line: string) => void = () => {}
) {
	const seed = opts.seed ?? 42;
	const rnd = random(seed + 11);
	const pick = picker(rnd);
	const ids = rowsOf<{ id: string }>(
		await db.execute(sql`select id from "user" where id like 'gen-%' order by id`)
	).map((r) => r.id);
	if (ids.length < 2)
		return { communities: 0, threads: 0, replies: 0, events: 0, registrations: 0, long: null };
	const first = idFor(seed, 'community', 0);
	const [done] = rowsOf(await db.execute(sql`select 1 from community where id = ${first}`));
	if (done)
		return { communities: 0, threads: 0, replies: 0, events: 0, registrations: 0, long: null };
	const now = Date.now();
	let threads = 0;
	let replies = 0;
	for (let c = 0; c < opts.communities; c++) {
		const id = idFor(seed, 'community', c);
		const name = `${pick(['Newcomers', 'Diaspora', 'Nurses', 'Parents', 'Students'])} ${c + 1}`;
		const members = [
			...new Set(Array.from({ length: 10 + Math.floor(rnd() * 190) }, () => pick(ids)))
		];
		const threadCount = c === 0 ? (opts.longThreads ?? 2000) : 5 + Math.floor(rnd() * 60);
		await db.transaction(async (tx) => {
			await tx.insert(community).values({
				id,
				slug: `gen-${c + 1}-${id.slice(0, 6)}`,
				name,
				description: 'A generated community for benchmarks.',
				theme: pick(COMMUNITY_THEMES),
				country: pick(COUNTRIES),
				language: pick(['en', 'fr', 'es', 'ar']),
				visibility: pick(['public', 'public', 'members', 'invite'] as const),
				memberCount: members.length,
				createdBy: members[0],
				nameKey: searchKey(name),
				search: sql`to_tsvector('simple', ${searchKey(name)})`,
				demo: true
			});
			await tx.insert(communityMember).values(
				members.map((userId, i) => ({
					communityId: id,
					userId,
					role: i === 0 ? ('moderator' as const) : ('member' as const)
				}))
			);
			for (let t = 0; t < threadCount; t += 500) {
				const rows = Array.from({ length: Math.min(500, threadCount - t) }, (_, k) => {
					const at = new Date(now - (threadCount - t - k) * 3_600_000);
					const title = pick(TITLES);
					const body = pick(BODIES);
					return {
						id: idFor(seed, 'thread', c, t + k),
						communityId: id,
						authorId: pick(members),
						title,
						body,
						pinned: t + k < 2,
						replyCount: 0,
						createdAt: at,
						lastReplyAt: at,
						search: sql`to_tsvector('simple', ${`${searchKey(title)} ${searchKey(body)}`})`
					};
				});
				await tx.insert(communityThread).values(rows);
				const answers = rows.flatMap((r) =>
					Array.from({ length: Math.floor(rnd() * 6) }, (_, k) => ({
						threadId: r.id,
						authorId: pick(members),
						body: pick(BODIES),
						createdAt: new Date(r.createdAt.getTime() + (k + 1) * 600_000)
					}))
				);
				if (answers.length) await tx.insert(communityReply).values(answers);
				threads += rows.length;
				replies += answers.length;
			}
		});
		if (c % 50 === 0) log(`communities ${c + 1}/${opts.communities}`);
	}
	await db.execute(sql`update community_thread t set reply_count = r.n, last_reply_at = r.at
		from (select thread_id, count(*)::int n, max(created_at) at from community_reply group by thread_id) r
		where r.thread_id = t.id`);
	let registrations = 0;
	for (let e = 0; e < opts.events; e += 500) {
		const rows = Array.from({ length: Math.min(500, opts.events - e) }, (_, k) => {
			const startsAt = new Date(now + (1 + Math.floor(rnd() * 180 * 24)) * 3_600_000);
			const format = pick(EVENT_FORMATS);
			const capacity = rnd() < 0.3 ? null : 10 + Math.floor(rnd() * 200);
			const title = `${pick(['Workshop', 'Atelier', 'Taller', 'ورشة'])} ${e + k + 1}`;
			return {
				id: idFor(seed, 'event', e + k),
				title,
				description: 'A generated event for benchmarks.',
				kind: pick(EVENT_KINDS),
				format,
				startsAt,
				endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
				timeZone: pick(ZONES),
				city: format === 'online' ? null : 'Paris',
				country: pick(COUNTRIES),
				onlineUrl: format === 'in_person' ? null : 'https://meet.example.org/generated',
				capacity,
				language: pick(['en', 'fr', 'es', 'ar']),
				createdBy: pick(ids),
				search: sql`to_tsvector('simple', ${searchKey(title)})`,
				demo: true
			};
		});
		await db.insert(event).values(rows);
		const regs = rows.flatMap((r) => {
			const people = [...new Set(Array.from({ length: Math.floor(rnd() * 30) }, () => pick(ids)))];
			return people.map((userId, i) => ({
				eventId: r.id,
				userId,
				status:
					r.capacity !== null && i >= r.capacity ? ('waiting' as const) : ('registered' as const)
			}));
		});
		if (regs.length) await db.insert(eventRegistration).values(regs);
		registrations += regs.length;
		log(`events ${Math.min(e + 500, opts.events)}/${opts.events}`);
	}
	await db.execute(sql`update event e set
		registered_count = (select count(*) from event_registration r where r.event_id = e.id and r.status = 'registered'),
		waiting_count = (select count(*) from event_registration r where r.event_id = e.id and r.status = 'waiting')
		where e.demo`);
	for (const table of [
		'community',
		'community_member',
		'community_thread',
		'community_reply',
		'event',
		'event_registration'
	])
		await db.execute(sql.raw(`analyze "${table}"`));
	return {
		communities: opts.communities,
		threads,
		replies,
		events: opts.events,
		registrations,
		long: first
	};
}
