import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { notification } from '../notifications/schema.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { blockMember, unblockMember } from '../members/blocks.ts';
import { postMessage, startConversation } from './post.ts';
import {
	attachmentFor,
	changeMembership,
	inbox,
	readConversation,
	unreadConversations
} from './read.ts';
import sharp from 'sharp';
import { setMessageAudience } from './settings.ts';
import { messageOrganisation } from './organisation-contact.ts';
import { conversationMember, message } from './schema.ts';

describe.each(DATABASES)('private messages on $kind', (target) => {
	let s: AppContext;
	let deps: {
		db: AppContext['database']['db'];
		notifier: AppContext['notifier'];
		storage: AppContext['storage'];
	};
	type A = Awaited<ReturnType<typeof buildActor>>;
	let amina: A, bruno: A, chen: A, dana: A;
	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, notifier: s.notifier, storage: s.storage };
		[amina, bruno, chen, dana] = await Promise.all(
			['Amina', 'Bruno', 'Chen', 'Dana'].map((name) => buildActor(s, { name }))
		);
	});
	afterAll(() => s.database.close());

	const start = async (from: A, to: A[], body = 'Hello', title = '') =>
		startConversation(deps, from, { to: to.map((t) => t.id), body, title });

	it('two members write to each other; one pair has one conversation; unread counts follow', async () => {
		const first = await start(amina, [bruno], 'Hello **Bruno**');
		if (!first.ok) throw new Error(JSON.stringify(first));
		expect(await unreadConversations(s.database.db, bruno.id)).toBe(1);
		expect(await unreadConversations(s.database.db, amina.id)).toBe(0);
		// Starting again with the same person finds the same conversation.
		const again = await start(bruno, [amina], 'Hi Amina');
		expect(again).toEqual({ ok: true, value: { id: first.value.id } });
		const read = await readConversation(s.database.db, bruno, first.value.id);
		if (!read.ok) throw new Error('unreadable');
		expect(read.value.messages.map((m) => m.html)).toEqual([
			'<p>Hello <strong>Bruno</strong></p>',
			'<p>Hi Amina</p>'
		]);
		expect(read.value.messages[1].mine).toBe(true);
		expect(await unreadConversations(s.database.db, bruno.id)).toBe(0);
		expect(await unreadConversations(s.database.db, amina.id)).toBe(1);
		const [row] = await inbox(s.database.db, amina);
		expect(row).toMatchObject({
			id: first.value.id,
			unread: 1,
			others: ['Bruno'],
			last: 'Hi Amina'
		});
		// One notice for the first unread message, not one per message.
		const notices = await s.database.db
			.select()
			.from(notification)
			.where(eq(notification.userId, bruno.id));
		expect(notices.map((n) => [n.kind, n.link])).toEqual([
			['message_new', `/messages/${first.value.id}`]
		]);
	});

	it('nobody outside a conversation reads or writes it, administrators included', async () => {
		const c = await start(amina, [bruno], 'Private');
		if (!c.ok) throw new Error('no start');
		const admin = { ...chen, roles: ['member' as const, 'administrator' as const] };
		expect((await readConversation(s.database.db, chen, c.value.id)).ok).toBe(false);
		expect((await readConversation(s.database.db, admin, c.value.id)).ok).toBe(false);
		expect(await postMessage(deps, chen, c.value.id, { body: 'intruding' })).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		expect(await postMessage(deps, null, c.value.id, { body: 'x' })).toMatchObject({ ok: false });
		expect(await readConversation(s.database.db, amina, randomUUID())).toMatchObject({ ok: false });
	});

	it('a group of several, with its title; leave stops new messages reaching you', async () => {
		const g = await start(amina, [bruno, chen], 'Meeting on Friday?', 'Friday group');
		if (!g.ok) throw new Error('no group');
		expect((await inbox(s.database.db, chen))[0]).toMatchObject({
			title: 'Friday group',
			otherCount: 2
		});
		expect(await changeMembership(s.database.db, chen, g.value.id, 'leave')).toEqual({
			ok: true,
			value: undefined
		});
		expect(await postMessage(deps, chen, g.value.id, { body: 'still here?' })).toMatchObject({
			ok: false,
			errors: { form: 'error_message_left' }
		});
		await postMessage(deps, amina, g.value.id, { body: 'Chen left' });
		expect(await unreadConversations(s.database.db, chen.id)).toBe(0);
		// What came before stays readable to who left.
		const read = await readConversation(s.database.db, chen, g.value.id);
		expect(read.ok && read.value.left).toBe(true);
		const tooMany = await startConversation(deps, amina, {
			to: Array.from({ length: 51 }, () => randomUUID()),
			body: 'spam'
		});
		expect(tooMany).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: { to: 'error_message_too_many' }
		});
	});

	it('mute keeps the count and notices away; delete my copy hides it until a new message', async () => {
		const c = await start(chen, [dana], 'One');
		if (!c.ok) throw new Error('no start');
		await changeMembership(s.database.db, dana, c.value.id, 'mute');
		await postMessage(deps, chen, c.value.id, { body: 'Two' });
		expect(await unreadConversations(s.database.db, dana.id)).toBe(0);
		await changeMembership(s.database.db, dana, c.value.id, 'unmute');
		expect(await unreadConversations(s.database.db, dana.id)).toBe(1);
		await changeMembership(s.database.db, dana, c.value.id, 'delete');
		expect((await inbox(s.database.db, dana)).map((r) => r.id)).not.toContain(c.value.id);
		expect((await inbox(s.database.db, chen)).map((r) => r.id)).toContain(c.value.id);
		await postMessage(deps, chen, c.value.id, { body: 'Three' });
		const read = await readConversation(s.database.db, dana, c.value.id);
		expect(read.ok && read.value.messages.map((m) => m.html)).toEqual(['<p>Three</p>']);
	});

	it('each member chooses who may write first: anyone, people of shared organisations, nobody', async () => {
		const eve = await buildActor(s, { name: 'Eve' });
		await setMessageAudience(s.database.db, eve, { allow: 'shared' });
		expect(await start(amina, [eve])).toMatchObject({
			ok: false,
			errors: { to: 'error_message_not_reachable' }
		});
		const orgId = randomUUID();
		await s.database.db.insert(organisation).values({
			id: orgId,
			slug: `shared-${orgId.slice(0, 8)}`,
			name: 'Shared place',
			kind: 'ngo',
			status: 'approved'
		});
		await s.database.db.insert(organisationMember).values([
			{ organisationId: orgId, userId: eve.id, role: 'member', status: 'active' },
			{ organisationId: orgId, userId: amina.id, role: 'member', status: 'active' }
		]);
		expect((await start(amina, [eve])).ok).toBe(true);
		await setMessageAudience(s.database.db, eve, { allow: 'nobody' });
		expect((await start(bruno, [eve])).ok).toBe(false);
		expect(await setMessageAudience(s.database.db, eve, { allow: 'everyone!' })).toMatchObject({
			ok: false,
			kind: 'invalid'
		});
	});

	it('a block stops messages both ways, and says the same as any refusal', async () => {
		const c = await start(bruno, [dana], 'Before the block');
		if (!c.ok) throw new Error('no start');
		await blockMember(s.database.db, dana, bruno.id);
		expect(await postMessage(deps, bruno, c.value.id, { body: 'after' })).toMatchObject({
			ok: false,
			errors: { form: 'error_message_blocked' }
		});
		expect(await postMessage(deps, dana, c.value.id, { body: 'after' })).toMatchObject({
			ok: false
		});
		expect(await start(bruno, [dana])).toMatchObject({
			ok: false,
			errors: { to: 'error_message_not_reachable' }
		});
		// Blocking an unknown account answers like any other.
		expect(await blockMember(s.database.db, dana, randomUUID())).toEqual({
			ok: true,
			value: undefined
		});
		await unblockMember(s.database.db, dana, bruno.id);
		expect((await postMessage(deps, bruno, c.value.id, { body: 'after the unblock' })).ok).toBe(
			true
		);
	});

	it('refuses empty, huge and direction-reversing text, and stores nothing then', async () => {
		const c = await start(amina, [dana], 'Hi');
		if (!c.ok) throw new Error('no start');
		const before = (
			await s.database.db.select().from(message).where(eq(message.conversationId, c.value.id))
		).length;
		for (const [body, error] of [
			['   ', 'error_message_empty'],
			['x'.repeat(5001), 'error_message_too_long'],
			['abc \u202Egnp.exe', 'error_message_controls']
		])
			expect(await postMessage(deps, amina, c.value.id, { body })).toMatchObject({
				ok: false,
				errors: { body: error }
			});
		const after = (
			await s.database.db.select().from(message).where(eq(message.conversationId, c.value.id))
		).length;
		expect(after).toBe(before);
		// Script and javascript: links are written as text, rendered inert.
		await postMessage(deps, amina, c.value.id, {
			body: '<script>alert(1)</script> [x](javascript:alert(1))'
		});
		const read = await readConversation(s.database.db, dana, c.value.id);
		const html = read.ok ? read.value.messages.at(-1)!.html : '';
		expect(html).not.toContain('<script');
		expect(html).not.toContain('href="javascript:');
		expect(html).not.toContain('<a');
	});

	it('a new message reaches the live connections of its members, and no one else', async () => {
		const c = await start(amina, [chen], 'Live?');
		if (!c.ok) throw new Error('no start');
		const heard: string[] = [];
		const stopChen = await s.live.subscribe(chen.id, (e) => heard.push(`chen:${e.conversationId}`));
		const stopDana = await s.live.subscribe(dana.id, (e) => heard.push(`dana:${e.conversationId}`));
		await postMessage(deps, amina, c.value.id, { body: 'Yes, live' });
		await expect.poll(() => heard, { timeout: 5000 }).toContain(`chen:${c.value.id}`);
		expect(heard.filter((h) => h.startsWith('dana'))).toEqual([]);
		stopChen();
		stopDana();
		expect(s.live.size()).toBe(0);
		void conversationMember;
	});

	it('a photo is sent without its metadata, a PDF as a download; anything else is refused', async () => {
		const c = await start(amina, [bruno], 'Files');
		if (!c.ok) throw new Error('no start');
		const photo = await sharp({
			create: { width: 2400, height: 1200, channels: 3, background: '#c33' }
		})
			.jpeg()
			.withMetadata({ exif: { IFD0: { Copyright: 'somewhere' } } })
			.toBuffer();
		const sent = await postMessage(
			deps,
			amina,
			c.value.id,
			{ body: '' },
			{ data: photo, name: 'IMG_0001.jpg' }
		);
		if (!sent.ok) throw new Error(JSON.stringify(sent));
		const file = await attachmentFor(s.database.db, bruno, c.value.id, sent.value.id);
		expect(file).toMatchObject({ kind: 'image', name: 'IMG_0001.webp' });
		const stored = await s.storage.get(file!.key);
		const meta = await sharp(stored!).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 1600, height: 800 });
		expect(meta.exif).toBeUndefined();
		// Only the conversation's members reach it.
		expect(await attachmentFor(s.database.db, chen, c.value.id, sent.value.id)).toBeNull();

		const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF');
		const withPdf = await postMessage(
			deps,
			amina,
			c.value.id,
			{ body: 'The form' },
			{
				data: pdf,
				name: '../../etc/Form <script>.pdf'
			}
		);
		if (!withPdf.ok) throw new Error(JSON.stringify(withPdf));
		expect(await attachmentFor(s.database.db, bruno, c.value.id, withPdf.value.id)).toMatchObject({
			kind: 'pdf',
			name: 'Form script.pdf'
		});
		const read = await readConversation(s.database.db, bruno, c.value.id);
		expect(read.ok && read.value.messages.at(-1)?.file).toMatchObject({ kind: 'pdf' });

		const before = (
			await s.database.db.select().from(message).where(eq(message.conversationId, c.value.id))
		).length;
		for (const data of [
			Buffer.from('<html><script>alert(1)</script></html>'),
			Buffer.alloc(4 * 1024 * 1024, 1)
		])
			expect(
				await postMessage(deps, amina, c.value.id, { body: 'x' }, { data, name: 'a.jpg' })
			).toMatchObject({
				ok: false,
				errors: { file: 'error_message_file' }
			});
		expect(await postMessage(deps, amina, c.value.id, { body: '' }, null)).toMatchObject({
			ok: false,
			errors: { body: 'error_message_empty' }
		});
		const after = (
			await s.database.db.select().from(message).where(eq(message.conversationId, c.value.id))
		).length;
		expect(after).toBe(before);
	});
});

describe.each(DATABASES)('writing to an organisation on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('reaches its active staff in one conversation per person, found again; a block keeps one out', async () => {
		const deps = { db: s.database.db, notifier: s.notifier, storage: s.storage };
		const [admin, worker, pending, person, blocker] = await Promise.all(
			['Admin', 'Worker', 'Pending', 'Person', 'Blocker'].map((name) => buildActor(s, { name }))
		);
		const orgId = randomUUID();
		await s.database.db.insert(organisation).values({
			id: orgId,
			slug: 'write-to-us',
			name: 'Write to us',
			kind: 'ngo',
			status: 'approved'
		});
		await s.database.db.insert(organisationMember).values([
			{ organisationId: orgId, userId: admin.id, role: 'admin', status: 'active' },
			{ organisationId: orgId, userId: worker.id, role: 'member', status: 'active' },
			{ organisationId: orgId, userId: pending.id, role: 'member', status: 'requested' },
			{ organisationId: orgId, userId: blocker.id, role: 'member', status: 'active' }
		]);
		// A staff member who only accepts shared ties is still reached as staff; one who blocked is not.
		await setMessageAudience(s.database.db, worker, { allow: 'nobody' });
		await blockMember(s.database.db, blocker, person.id);
		const first = await messageOrganisation(deps, person, 'write-to-us', {
			body: 'Do you help with housing?'
		});
		if (!first.ok) throw new Error(JSON.stringify(first));
		const members = await s.database.db
			.select({ userId: conversationMember.userId })
			.from(conversationMember)
			.where(eq(conversationMember.conversationId, first.value.id));
		expect(members.map((m) => m.userId).sort()).toEqual([admin.id, worker.id, person.id].sort());
		const again = await messageOrganisation(deps, person, 'write-to-us', {
			body: 'And with papers?'
		});
		expect(again).toEqual(first);
		const read = await readConversation(s.database.db, worker, first.value.id);
		expect(read.ok && read.value.conversation.title).toBe('Write to us');
		expect(await messageOrganisation(deps, admin, 'write-to-us', { body: 'hi' })).toMatchObject({
			errors: { form: 'error_message_own_organisation' }
		});
		expect(await messageOrganisation(deps, person, 'no-such-org', { body: 'hi' })).toMatchObject({
			kind: 'not_found'
		});
		expect(await messageOrganisation(deps, person, 'write-to-us', { body: '  ' })).toMatchObject({
			kind: 'invalid'
		});
	});
});
