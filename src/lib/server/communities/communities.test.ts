import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { notification } from '../notifications/schema.ts';
import { reachOf } from '../messages/reach.ts';
import { canStart } from '../messages/policy.ts';
import { setMessageAudience } from '../messages/settings.ts';
import { decideCase } from '../moderation/decide.ts';
import { moderationQueue } from '../moderation/read.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { communityAccess, moderatedCommunities } from './access.ts';
import {
	changeMember,
	createCommunity,
	joinCommunity,
	leaveCommunity,
	newInvitationLink,
	updateCommunity
} from './manage.ts';
import { replyToThread, setPinned, startThread } from './posts.ts';
import { communityPage, listCommunities, readThread } from './read.ts';
import { communityFeed } from './feed.ts';
import { reportPost } from './report.ts';
import { communityThread } from './schema.ts';

const base = {
	description: 'Newcomers from **Syria** help each other.',
	theme: 'origin',
	country: 'sy',
	language: 'en'
};

describe.each(DATABASES)('communities on $kind', (target) => {
	let s: AppContext;
	let deps: { db: AppContext['database']['db']; notifier: AppContext['notifier'] };
	type A = Awaited<ReturnType<typeof buildActor>>;
	let owner: A, nadia: A, omar: A, outsider: A;
	let platformMod: Actor;
	let publicSlug: string;

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, notifier: s.notifier };
		[owner, nadia, omar, outsider] = await Promise.all(
			['Owner', 'Nadia', 'Omar', 'Outsider'].map((name) => buildActor(s, { name }))
		);
		const mod = await buildMember(s, { name: 'Platform Moderator', roles: ['moderator'] });
		platformMod = { id: mod.id, roles: ['member', 'moderator'] };
	});
	afterAll(() => s.database.close());

	const create = async (name: string, visibility: string, by: A = owner) => {
		const r = await createCommunity(s.database.db, by, { ...base, name, visibility });
		if (!r.ok) throw new Error(JSON.stringify(r));
		return r.value.slug;
	};

	it('a public community: anyone reads it, members join to write, replies tell those who took part', async () => {
		publicSlug = await create('Syrians in Lyon', 'public');
		expect(publicSlug).toMatch(/^syrians-in-lyon-/);
		const thread = await startThread(deps, owner, publicSlug, {
			title: 'Where to find Arabic books?',
			body: 'The library in *Part-Dieu* has some.'
		});
		if (!thread.ok) throw new Error(JSON.stringify(thread));
		// Visitors read; outsiders must join first.
		const visitor = await communityPage(s.database.db, null, publicSlug);
		expect(visitor!.canRead).toBe(true);
		expect(visitor!.threads.map((t) => t.title)).toEqual(['Where to find Arabic books?']);
		expect(
			await replyToThread(deps, nadia, publicSlug, thread.value.id, { body: 'Thanks!' })
		).toMatchObject({
			ok: false,
			kind: 'forbidden',
			errors: { form: 'error_community_join_first' }
		});
		expect(await joinCommunity(s.database.db, nadia, publicSlug)).toEqual({
			ok: true,
			value: undefined
		});
		expect(await joinCommunity(s.database.db, nadia, publicSlug)).toEqual({
			ok: true,
			value: undefined
		});
		await joinCommunity(s.database.db, omar, publicSlug);
		const r1 = await replyToThread(deps, nadia, publicSlug, thread.value.id, {
			body: 'Thanks, I will go.'
		});
		const r2 = await replyToThread(deps, omar, publicSlug, thread.value.id, {
			body: 'Also the one in Vaise.'
		});
		expect(r1.ok && r2.ok).toBe(true);
		const read = await readThread(s.database.db, null, publicSlug, thread.value.id);
		expect(read!.thread.html).toContain('<em>Part-Dieu</em>');
		expect(read!.replies.map((r) => r.author)).toEqual(['Nadia', 'Omar']);
		expect(read!.thread.replyCount).toBe(2);
		const told = async (userId: string) =>
			(
				await s.database.db
					.select()
					.from(notification)
					.where(and(eq(notification.userId, userId), eq(notification.kind, 'community_reply')))
			).length;
		// The owner was told once (the second reply finds the first notice unread); Nadia of Omar's reply.
		expect(await told(owner.id)).toBe(1);
		expect(await told(nadia.id)).toBe(1);
		expect(await told(omar.id)).toBe(0);
		const listed = await listCommunities(s.database.db, null, { q: 'syrian lyo' });
		expect(listed.items.map((c) => c.slug)).toContain(publicSlug);
		expect((await communityPage(s.database.db, null, publicSlug))!.community.memberCount).toBe(3);
	});

	it('moderators pin; search finds words of threads and replies', async () => {
		const other = await startThread(deps, nadia, publicSlug, {
			title: 'Football on Sundays',
			body: 'Who plays?'
		});
		if (!other.ok) throw new Error('no thread');
		const [first] = (await communityPage(s.database.db, null, publicSlug))!.threads;
		expect(first.title).toBe('Football on Sundays');
		const books = (await communityPage(s.database.db, null, publicSlug))!.threads[1];
		expect(await setPinned(s.database.db, nadia, publicSlug, books.id, true)).toMatchObject({
			kind: 'not_found'
		});
		expect(await setPinned(s.database.db, owner, publicSlug, books.id, true)).toMatchObject({
			ok: true
		});
		const pinned = (await communityPage(s.database.db, null, publicSlug))!.threads;
		expect(pinned.map((t) => [t.title, t.pinned])).toEqual([
			['Where to find Arabic books?', true],
			['Football on Sundays', false]
		]);
		const vaise = await communityPage(s.database.db, null, publicSlug, { q: 'vaise' });
		expect(vaise!.threads.map((t) => t.title)).toEqual(['Where to find Arabic books?']);
		const sunday = await communityPage(s.database.db, null, publicSlug, { q: 'SUNDAY' });
		expect(sunday!.threads.map((t) => t.title)).toEqual(['Football on Sundays']);
	});

	it('the Atom feed of a public community parses, with hostile text escaped', async () => {
		await startThread(deps, omar, publicSlug, {
			title: '<script>alert(1)</script> & more',
			body: '[click](javascript:alert(1)) <img src=x onerror=alert(1)>'
		});
		const xml = await communityFeed(s.database.db, publicSlug, 'https://example.org', 'en');
		expect(XMLValidator.validate(xml!)).toBe(true);
		expect(xml).not.toContain('<script>');
		const feed = new XMLParser({ ignoreAttributes: false }).parse(xml!).feed;
		expect(feed.title).toBe('Syrians in Lyon');
		const titles = feed.entry.map((e: { title: string }) => e.title);
		expect(titles).toContain('<script>alert(1)</script> & more');
		expect(titles).toContain('Football on Sundays');
		const entry = feed.entry.find((e: { title: string }) => e.title.startsWith('<script>'));
		expect(entry.link['@_href']).toMatch(
			new RegExp(`^https://example.org/en/communities/${publicSlug}/t/`)
		);
		expect(entry.content['#text'] ?? entry.content).not.toMatch(/javascript:|onerror/);
	});

	it('a members-only community is listed; its threads are for its members', async () => {
		const slug = await create('Nurses from abroad', 'members');
		await startThread(deps, owner, slug, {
			title: 'Diploma recognition',
			body: 'Steps I followed.'
		});
		const visitor = await communityPage(s.database.db, null, slug);
		expect(visitor).toMatchObject({ canRead: false, threads: [] });
		expect(
			await readThread(
				s.database.db,
				outsider,
				slug,
				(await communityPage(s.database.db, owner, slug))!.threads[0].id
			)
		).toBeNull();
		expect(await communityFeed(s.database.db, slug, 'https://example.org', 'en')).toBeNull();
		await joinCommunity(s.database.db, outsider, slug);
		expect((await communityPage(s.database.db, outsider, slug))!.threads).toHaveLength(1);
		await leaveCommunity(s.database.db, outsider, slug);
	});

	it('an invite-only community: unknown outside, joined with the current link only', async () => {
		const slug = await create('Survivors support circle', 'invite');
		expect(await communityPage(s.database.db, outsider, slug)).toBeNull();
		expect(await communityPage(s.database.db, null, slug)).toBeNull();
		expect(
			(await listCommunities(s.database.db, outsider, {})).items.map((c) => c.slug)
		).not.toContain(slug);
		expect((await listCommunities(s.database.db, owner, {})).items.map((c) => c.slug)).toContain(
			slug
		);
		expect(await joinCommunity(s.database.db, outsider, slug)).toMatchObject({ kind: 'not_found' });
		expect(await newInvitationLink(s.database.db, nadia, slug)).toMatchObject({
			kind: 'not_found'
		});
		const first = await newInvitationLink(s.database.db, owner, slug);
		const second = await newInvitationLink(s.database.db, owner, slug);
		if (!first.ok || !second.ok) throw new Error('no link');
		expect(await joinCommunity(s.database.db, outsider, slug, first.value.token)).toMatchObject({
			kind: 'not_found'
		});
		expect(
			await communityPage(s.database.db, outsider, slug, { inviteToken: second.value.token })
		).toMatchObject({
			canJoin: true,
			canRead: false
		});
		expect(await joinCommunity(s.database.db, outsider, slug, second.value.token)).toMatchObject({
			ok: true
		});
		expect((await communityPage(s.database.db, outsider, slug))!.canRead).toBe(true);
		// Platform moderators see it, to moderate.
		expect(await communityPage(s.database.db, platformMod, slug)).toMatchObject({ canRead: true });
	});

	it('the last moderator hands over before leaving; moderators manage members', async () => {
		expect(await leaveCommunity(s.database.db, owner, publicSlug)).toMatchObject({
			kind: 'conflict',
			errors: { form: 'error_community_last_moderator' }
		});
		expect(await changeMember(s.database.db, owner, publicSlug, owner.id, 'demote')).toMatchObject({
			kind: 'conflict'
		});
		expect(await changeMember(s.database.db, nadia, publicSlug, omar.id, 'remove')).toMatchObject({
			kind: 'not_found'
		});
		expect(await changeMember(s.database.db, owner, publicSlug, nadia.id, 'promote')).toMatchObject(
			{ ok: true }
		);
		expect(await moderatedCommunities(s.database.db, nadia.id)).toHaveLength(1);
		expect(
			await updateCommunity(s.database.db, omar, publicSlug, {
				...base,
				name: 'Hijacked',
				visibility: 'public'
			})
		).toMatchObject({
			kind: 'not_found'
		});
		expect(
			await updateCommunity(s.database.db, nadia, publicSlug, {
				...base,
				name: 'Syrians in Lyon and around',
				visibility: 'public'
			})
		).toMatchObject({ ok: true });
		expect(await leaveCommunity(s.database.db, owner, publicSlug)).toMatchObject({ ok: true });
		expect((await communityAccess(s.database.db, owner, publicSlug))!.tie.role).toBeNull();
		await joinCommunity(s.database.db, owner, publicSlug);
	});

	it('a report goes to the community’s moderators and the platform’s; only the platform suspends', async () => {
		const page = await communityPage(s.database.db, null, publicSlug);
		const thread = page!.threads.find((t) => t.title.startsWith('Where'))!;
		const read = await readThread(s.database.db, null, publicSlug, thread.id);
		const omarsReply = read!.replies.find((r) => r.author === 'Omar')!;
		const reported = await reportPost(s.database.db, owner, publicSlug, thread.id, omarsReply.id, {
			reason: 'spam'
		});
		if (!reported.ok) throw new Error(JSON.stringify(reported));
		const scopes = await moderatedCommunities(s.database.db, nadia.id);
		const queue = await moderationQueue(s.database.db, nadia, 'open', 1, scopes);
		expect(queue!.items.map((i) => i.id)).toContain(reported.value.caseId);
		expect(await moderationQueue(s.database.db, omar, 'open', 1, [])).toBeNull();
		expect(
			(await moderationQueue(s.database.db, platformMod, 'open'))!.items.map((i) => i.id)
		).toContain(reported.value.caseId);
		const statement = 'Advertising in a help thread is not allowed here.';
		expect(
			await decideCase(
				deps,
				nadia,
				reported.value.caseId,
				{ action: 'suspend', ground: 'spam', statement, days: '3' },
				new Date(),
				scopes
			)
		).toMatchObject({ kind: 'forbidden', errors: { action: 'error_decision_suspend_platform' } });
		expect(
			await decideCase(deps, omar, reported.value.caseId, {
				action: 'hide',
				ground: 'spam',
				statement
			})
		).toMatchObject({ kind: 'not_found' });
		expect(
			await decideCase(
				deps,
				nadia,
				reported.value.caseId,
				{ action: 'hide', ground: 'spam', statement },
				new Date(),
				scopes
			)
		).toMatchObject({ ok: true });
		const after = await readThread(s.database.db, null, publicSlug, thread.id);
		expect(after!.replies.find((r) => r.id === omarsReply.id)).toMatchObject({
			hidden: true,
			html: ''
		});
	});

	it('refuses hostile input whole', async () => {
		const before = (await s.database.db.select().from(communityThread)).length;
		for (const bad of [
			{ title: 'ok title', body: 'x'.repeat(10_001) },
			{ title: 'reversed \u202Etxt.exe', body: 'hi' },
			{ title: 'a', body: 'hi' },
			{ title: 'fine title', body: '   ' }
		])
			expect(await startThread(deps, owner, publicSlug, bad)).toMatchObject({
				ok: false,
				kind: 'invalid'
			});
		expect((await s.database.db.select().from(communityThread)).length).toBe(before);
		expect(
			await createCommunity(s.database.db, owner, { ...base, name: 'X', visibility: 'secret' })
		).toMatchObject({
			kind: 'invalid',
			errors: { name: 'error_community_name', visibility: 'error_community_visibility' }
		});
		const html = await startThread(deps, owner, publicSlug, {
			title: 'Links',
			body: '<script>alert(1)</script>[x](javascript:alert(1))'
		});
		const t = await readThread(s.database.db, null, publicSlug, html.ok ? html.value.id : '');
		expect(t!.thread.html).not.toContain('<script');
		expect(t!.thread.html).not.toMatch(/href="?javascript:/i);
	});

	it('members of a shared community may write to one who allows only shared ties', async () => {
		await setMessageAudience(s.database.db, omar, { allow: 'shared' });
		const reach = await reachOf(s.database.db, nadia.id, [omar.id]);
		expect(canStart(nadia, omar.id, reach.get(omar.id)!)).toBe(true);
		const far = await reachOf(s.database.db, outsider.id, [omar.id]);
		expect(canStart(outsider, omar.id, far.get(omar.id)!)).toBe(false);
	});

	it('erasure removes what a person wrote and keeps others’ replies', async () => {
		const leaver = await buildActor(s, { name: 'Leaver' });
		await joinCommunity(s.database.db, leaver, publicSlug);
		const alone = await startThread(deps, leaver, publicSlug, {
			title: 'Nobody answers',
			body: 'Alone'
		});
		const answered = await startThread(deps, leaver, publicSlug, {
			title: 'Answered one',
			body: 'Mine'
		});
		if (!alone.ok || !answered.ok) throw new Error('no threads');
		await replyToThread(deps, nadia, publicSlug, answered.value.id, { body: 'My answer stays' });
		const members = (await communityPage(s.database.db, null, publicSlug))!.community.memberCount;
		expect((await deleteMyAccount({ db: s.database.db, storage: s.storage }, leaver.id)).ok).toBe(
			true
		);
		expect(await readThread(s.database.db, null, publicSlug, alone.value.id)).toBeNull();
		const kept = await readThread(s.database.db, null, publicSlug, answered.value.id);
		expect(kept!.thread).toMatchObject({ title: '', html: '', author: null });
		expect(kept!.replies.map((r) => r.html)).toEqual(['<p>My answer stays</p>\n']);
		expect((await communityPage(s.database.db, null, publicSlug))!.community.memberCount).toBe(
			members - 1
		);
	});
});
