import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { directoryQuery } from '#lib/members/directory.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember, buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { notification } from '../notifications/schema.ts';
import { auditLog } from '../platform/schema.ts';
import { startConversation, postMessage } from '../messages/post.ts';
import { readConversation } from '../messages/read.ts';
import { reportMessage } from '../messages/report.ts';
import { reportProfile } from '../members/report.ts';
import { getProfile } from '../members/get-profile.ts';
import { searchMembers } from '../members/search-members.ts';
import { emptyProfile, saveProfile } from '../members/save-profile.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { decideCase } from './decide.ts';
import { appealDecision, decideAppeal } from './appeal.ts';
import { caseDetail, decisionsAbout, moderationQueue } from './read.ts';
import { suspendedUntil } from './suspension.ts';
import { forgetLexiconCache, importLexicon, lexiconMatches, parseLexicon } from './lexicon.ts';
import { moderationCase } from './schema.ts';

const statement = 'This message insults a group of people for where they come from.';

describe.each(DATABASES)('moderation on $kind', (target) => {
	let s: AppContext;
	let deps: { db: AppContext['database']['db']; notifier: AppContext['notifier'] };
	type A = Awaited<ReturnType<typeof buildActor>>;
	let amina: A, bruno: A, chen: A;
	let mod1: Actor, mod2: Actor;
	let conversationId: string;

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, notifier: s.notifier };
		[amina, bruno, chen] = await Promise.all(
			['Amina', 'Bruno', 'Chen'].map((name) => buildActor(s, { name }))
		);
		const [m1, m2] = await Promise.all([
			buildMember(s, { name: 'Moderator One', roles: ['moderator'] }),
			buildMember(s, { name: 'Moderator Two', roles: ['administrator'] })
		]);
		mod1 = { id: m1.id, roles: ['member', 'moderator'] };
		mod2 = { id: m2.id, roles: ['member', 'administrator'] };
		const started = await startConversation(deps, bruno, {
			to: [amina.id, chen.id],
			title: 'Neighbours',
			body: 'Welcome both of you'
		});
		if (!started.ok) throw new Error(JSON.stringify(started));
		conversationId = started.value.id;
	});
	afterAll(() => s.database.close());

	const noticesOf = async (userId: string, kind: string) =>
		(
			await s.database.db
				.select()
				.from(notification)
				.where(and(eq(notification.userId, userId), eq(notification.kind, kind)))
		).length;

	const post = async (who: A, body: string) => {
		const r = await postMessage({ ...deps, storage: s.storage }, who, conversationId, { body });
		if (!r.ok) throw new Error(JSON.stringify(r));
		return r.value.id;
	};

	it('a member of a conversation reports a message; reports count once per person', async () => {
		const id = await post(bruno, 'You people should all leave, nobody wants you here');
		const first = await reportMessage(s.database.db, amina, conversationId, id, {
			reason: 'harassment',
			note: 'He keeps writing this'
		});
		if (!first.ok) throw new Error(JSON.stringify(first));
		const again = await reportMessage(s.database.db, amina, conversationId, id, {
			reason: 'hate'
		});
		expect(again).toEqual(first);
		const second = await reportMessage(s.database.db, chen, conversationId, id, { reason: 'hate' });
		expect(second.ok && second.value.caseId).toBe(first.value.caseId);
		const [row] = await s.database.db
			.select()
			.from(moderationCase)
			.where(eq(moderationCase.id, first.value.caseId));
		expect(row).toMatchObject({
			kind: 'message',
			subjectId: String(id),
			authorId: bruno.id,
			reportCount: 2,
			status: 'open',
			excerpt: 'You people should all leave, nobody wants you here',
			path: null
		});
	});

	it('refuses reports of what one cannot see, of one’s own words, and without a reason', async () => {
		const id = await post(bruno, 'Another message');
		const outsider = await buildActor(s, { name: 'Outsider' });
		expect(
			await reportMessage(s.database.db, outsider, conversationId, id, { reason: 'spam' })
		).toEqual({
			ok: false,
			kind: 'not_found'
		});
		expect(
			await reportMessage(s.database.db, amina, conversationId, id + 1000, { reason: 'spam' })
		).toMatchObject({
			kind: 'not_found'
		});
		expect(
			await reportMessage(s.database.db, bruno, conversationId, id, { reason: 'spam' })
		).toMatchObject({
			kind: 'invalid',
			errors: { form: 'error_report_own' }
		});
		expect(
			await reportMessage(s.database.db, amina, conversationId, id, { reason: 'boredom' })
		).toMatchObject({
			kind: 'invalid',
			errors: { reason: 'error_report_reason' }
		});
		expect(
			await reportMessage(s.database.db, amina, conversationId, id, {
				reason: 'spam',
				note: 'look \u202Eesrever'
			})
		).toMatchObject({ kind: 'invalid', errors: { note: 'error_message_controls' } });
		expect(
			await reportMessage(s.database.db, amina, conversationId, id, {
				reason: 'spam',
				note: 'x'.repeat(5000)
			})
		).toMatchObject({ kind: 'invalid', errors: { note: 'error_moderation_too_long' } });
	});

	it('moderators see one queue; members do not', async () => {
		expect(await moderationQueue(s.database.db, amina, 'open')).toBeNull();
		const queue = await moderationQueue(s.database.db, mod1, 'open');
		const item = queue!.items.find((i) => i.excerpt.startsWith('You people'));
		expect(item).toMatchObject({
			kind: 'message',
			reportCount: 2,
			reasons: ['harassment', 'hate']
		});
		expect(queue!.open).toBeGreaterThanOrEqual(1);
		expect(await caseDetail(s.database.db, amina, item!.id)).toBeNull();
		const detail = await caseDetail(s.database.db, mod1, item!.id);
		expect(detail!.reports.map((r) => r.note)).toEqual(['He keeps writing this', '']);
		// Reporters appear under a pseudonym, never by name.
		expect(detail!.reports[0].reporter).toMatch(/^p_/);
		expect(JSON.stringify(detail!.reports)).not.toContain('Amina');
	});

	it('hiding a message: its words are gone for everyone; the author reads why; reporters are told', async () => {
		const [c] = await s.database.db
			.select()
			.from(moderationCase)
			.where(eq(moderationCase.authorId, bruno.id));
		expect(
			await decideCase(deps, mod1, c.id, { action: 'hide', ground: 'hate', statement: 'too short' })
		).toMatchObject({ kind: 'invalid', errors: { statement: 'error_decision_statement' } });
		expect(
			await decideCase(deps, mod1, c.id, {
				action: 'suspend',
				ground: 'hate',
				statement,
				days: '0'
			})
		).toMatchObject({ kind: 'invalid', errors: { days: 'error_decision_days' } });
		expect(
			await decideCase(deps, amina, c.id, { action: 'hide', ground: 'hate', statement })
		).toMatchObject({
			kind: 'not_found'
		});
		const decided = await decideCase(deps, mod1, c.id, {
			action: 'hide',
			ground: 'hate',
			statement
		});
		if (!decided.ok) throw new Error(JSON.stringify(decided));
		expect(
			await decideCase(deps, mod1, c.id, { action: 'hide', ground: 'hate', statement })
		).toMatchObject({
			kind: 'conflict'
		});
		for (const reader of [amina, bruno]) {
			const read = await readConversation(s.database.db, reader, conversationId);
			const hidden = read.ok && read.value.messages.find((m) => m.id === Number(c.subjectId));
			expect(hidden).toMatchObject({ hidden: true, html: '', file: null });
		}
		expect(await noticesOf(bruno.id, 'moderation_decision')).toBe(1);
		expect(await noticesOf(amina.id, 'moderation_report_reviewed')).toBe(1);
		expect(await noticesOf(chen.id, 'moderation_report_reviewed')).toBe(1);
		const mine = await decisionsAbout(s.database.db, bruno);
		expect(mine!.decisions[0]).toMatchObject({
			action: 'hide',
			ground: 'hate',
			statement,
			canAppeal: true,
			appeal: null
		});
		const audit = await s.database.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.subjectId, c.id));
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['moderation.report', 'moderation.case-read', 'moderation.decide'])
		);
	});

	it('the author appeals once; another moderator reverses it and the message is back', async () => {
		const mine = await decisionsAbout(s.database.db, bruno);
		const decision = mine!.decisions[0].id;
		expect(
			await appealDecision(deps, amina, decision, { text: 'I am not the author here' })
		).toMatchObject({
			kind: 'not_found'
		});
		expect(await appealDecision(deps, bruno, decision, { text: 'no' })).toMatchObject({
			kind: 'invalid',
			errors: { text: 'error_appeal_text' }
		});
		const text = 'I was quoting what someone said to me, to ask for help.';
		expect(await appealDecision(deps, bruno, decision, { text })).toEqual({
			ok: true,
			value: undefined
		});
		expect(await appealDecision(deps, bruno, decision, { text })).toMatchObject({
			kind: 'conflict',
			errors: { form: 'error_appeal_once' }
		});
		expect((await moderationQueue(s.database.db, mod2, 'appealed'))!.items.length).toBe(1);
		const answer = {
			outcome: 'reversed',
			statement: 'Read in context, the message quotes abuse received.'
		};
		expect(await decideAppeal(deps, mod1, decision, answer)).toMatchObject({
			kind: 'forbidden',
			errors: { form: 'error_appeal_same_moderator' }
		});
		expect(await decideAppeal(deps, mod2, decision, answer)).toEqual({
			ok: true,
			value: undefined
		});
		expect(await decideAppeal(deps, mod2, decision, answer)).toMatchObject({ kind: 'conflict' });
		const read = await readConversation(s.database.db, amina, conversationId);
		expect(read.ok && read.value.messages.some((m) => m.html.includes('You people'))).toBe(true);
		expect(await noticesOf(bruno.id, 'moderation_appeal_decided')).toBe(1);
		const after = await decisionsAbout(s.database.db, bruno);
		expect(after!.decisions[0]).toMatchObject({
			canAppeal: false,
			appeal: { text, outcome: 'reversed' }
		});
	});

	it('a profile reported and its author suspended: hidden from others, told to its owner; the appeal lifts it', async () => {
		const owner = await buildProfile(s, {
			name: 'Zed Quillfeather',
			headline: 'Buy cheap watches'
		});
		const ownerActor: Actor = { id: owner.id, roles: ['member'] };
		const reported = await reportProfile(s.database.db, amina, owner.id, { reason: 'spam' });
		if (!reported.ok) throw new Error(JSON.stringify(reported));
		// Deciding about one's own content is for someone else.
		const selfMod = await buildProfile(s, { name: 'Self Moderator' }, ['moderator']);
		const own = await reportProfile(s.database.db, amina, selfMod.id, { reason: 'spam' });
		expect(
			await decideCase(
				deps,
				{ id: selfMod.id, roles: ['member', 'moderator'] },
				own.ok ? own.value.caseId : '',
				{
					action: 'hide',
					ground: 'spam',
					statement
				}
			)
		).toMatchObject({ kind: 'forbidden', errors: { form: 'error_decision_own' } });
		const now = new Date();
		const decided = await decideCase(
			deps,
			mod1,
			reported.value.caseId,
			{
				action: 'suspend',
				ground: 'spam',
				statement: 'Advertising watches to every member.',
				days: '7'
			},
			now
		);
		if (!decided.ok) throw new Error(JSON.stringify(decided));
		const until = await suspendedUntil(s.database.db, owner.id);
		expect(until!.getTime()).toBe(now.getTime() + 7 * 86_400_000);
		expect(await getProfile(s.database.db, amina, owner.id)).toBeNull();
		expect(await getProfile(s.database.db, null, owner.id)).toBeNull();
		expect(await getProfile(s.database.db, ownerActor, owner.id)).toMatchObject({ held: true });
		const found = await searchMembers(
			s.database.db,
			amina,
			directoryQuery.parse({ q: 'Quillfeather' })
		);
		expect(found.items.map((i) => i.id)).not.toContain(owner.id);
		const [d] = (await decisionsAbout(s.database.db, ownerActor))!.decisions;
		expect(
			await appealDecision(deps, ownerActor, d.id, { text: 'I sell watches I make myself, once.' })
		).toMatchObject({
			ok: true
		});
		expect(
			await decideAppeal(deps, mod2, d.id, {
				outcome: 'reversed',
				statement: 'One post about one’s own craft is allowed here.'
			})
		).toMatchObject({ ok: true });
		expect(await suspendedUntil(s.database.db, owner.id)).toBeNull();
		expect(await getProfile(s.database.db, amina, owner.id)).not.toBeNull();
	});

	it('a lexicon flags words on save, for moderators, and removes nothing', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
		writeFileSync(path.join(dir, 'fr.txt'), '# un commentaire\nEnvahisseurs\nrentre chez toi\n\n');
		writeFileSync(
			path.join(dir, 'en.tsv'),
			'id\tpos\tcategory\tstereotype\tlemma\tlevel\nEN1\tn\tre\tyes\tvermin\tconservative\n'
		);
		expect(await importLexicon(s.database.db, path.join(dir, 'fr.txt'), 'fr')).toEqual({
			ok: true,
			value: { added: 2, read: 2 }
		});
		expect(await importLexicon(s.database.db, path.join(dir, 'en.tsv'), 'en')).toEqual({
			ok: true,
			value: { added: 1, read: 1 }
		});
		expect(await importLexicon(s.database.db, path.join(dir, 'fr.txt'), 'fr')).toMatchObject({
			value: { added: 0 }
		});
		expect(await importLexicon(s.database.db, path.join(dir, 'fr.txt'), 'xx')).toMatchObject({
			kind: 'invalid'
		});
		expect(await importLexicon(s.database.db, path.join(dir, 'missing.txt'), 'fr')).toMatchObject({
			kind: 'not_found'
		});
		forgetLexiconCache();
		expect(await lexiconMatches(s.database.db, 'Grapes and vermine are fine')).toEqual([]);
		const id = await post(chen, 'Ces ENVAHISSEURS… Rentre chez toi!');
		const read = await readConversation(s.database.db, amina, conversationId);
		expect(read.ok && read.value.messages.find((m) => m.id === id)?.html).toContain('ENVAHISSEURS');
		const [c] = await s.database.db
			.select()
			.from(moderationCase)
			.where(and(eq(moderationCase.kind, 'message'), eq(moderationCase.subjectId, String(id))));
		expect(c).toMatchObject({ status: 'open', reportCount: 1, authorId: chen.id });
		expect([...c.flaggedTerms].sort()).toEqual(['Envahisseurs', 'rentre chez toi']);
		const saved = await saveProfile(s.database.db, chen, chen.id, {
			...emptyProfile('Chen', 'en'),
			bio: 'Rats and vermin, all of them'
		});
		expect(saved).toEqual({ ok: true, value: undefined });
		const [p] = await s.database.db
			.select()
			.from(moderationCase)
			.where(and(eq(moderationCase.kind, 'profile'), eq(moderationCase.subjectId, chen.id)));
		expect(p.flaggedTerms).toEqual(['vermin']);
		const detail = await caseDetail(s.database.db, mod1, p.id);
		expect(detail!.reports[0]).toMatchObject({ reporter: null, reason: 'hate' });
	});

	it('parses one term per line and HurtLex TSV, normalised and without duplicates', () => {
		expect(parseLexicon('\uFEFFÉtrangers\netrangers\n# x\n\n غزاة \n')).toEqual([
			{ key: 'etrangers', term: 'Étrangers' },
			{ key: 'غزاه', term: 'غزاة' }
		]);
	});

	it('erasing the author keeps the decision and drops their words', async () => {
		const author = await buildProfile(s, { name: 'Erased Author', headline: 'Words of mine' });
		const r = await reportProfile(s.database.db, amina, author.id, { reason: 'other' });
		if (!r.ok) throw new Error(JSON.stringify(r));
		await decideCase(deps, mod1, r.value.caseId, { action: 'warn', ground: 'other', statement });
		expect((await deleteMyAccount({ db: s.database.db, storage: s.storage }, author.id)).ok).toBe(
			true
		);
		const [c] = await s.database.db
			.select()
			.from(moderationCase)
			.where(inArray(moderationCase.id, [r.value.caseId]));
		expect(c).toMatchObject({ authorId: null, excerpt: '' });
		const detail = await caseDetail(s.database.db, mod1, c.id);
		expect(detail!.decisions).toHaveLength(1);
	});
});
