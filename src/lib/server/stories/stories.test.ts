import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { notification } from '../notifications/schema.ts';
import { moderationCase } from '../moderation/schema.ts';
import { decideCase } from '../moderation/decide.ts';
import { caseDetail } from '../moderation/read.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { publishStory, readStory, reportStory, storyCover, storyFeed } from './stories.ts';

const body = 'I arrived in Lyon three years ago and this is what helped me most.';
const statement = 'Reviewed: this story follows the rules and can be published.';

describe.each(DATABASES)('stories on $kind', (target) => {
	let s: AppContext;
	let deps: {
		db: AppContext['database']['db'];
		storage: AppContext['storage'];
		reviewDays: number;
	};
	let mod: Actor;
	type A = Awaited<ReturnType<typeof buildActor>>;
	let newcomer: A, veteran: A;

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, storage: s.storage, reviewDays: 14 };
		const m = await buildMember(s, { roles: ['moderator'] });
		mod = { id: m.id, roles: ['member', 'moderator'] };
		newcomer = await buildActor(s, { name: 'New Member' });
		veteran = await buildActor(s, { name: 'Old Member' });
		await s.database.db
			.update(user)
			.set({ createdAt: new Date(Date.now() - 60 * 86_400_000) })
			.where(eq(user.id, veteran.id));
	});
	afterAll(() => s.database.close());

	it('a new account’s story waits for a moderator; restoring it publishes it, and its author is told', async () => {
		const made = await publishStory(
			deps,
			newcomer,
			{ title: 'My first year', body, language: 'fr' },
			null
		);
		if (!made.ok) throw new Error(JSON.stringify(made));
		expect(made.value.waiting).toBe(true);
		expect(await readStory(s.database.db, veteran, made.value.id)).toBeNull();
		expect(await readStory(s.database.db, newcomer, made.value.id)).toMatchObject({
			held: true,
			mine: true
		});
		expect((await storyFeed(s.database.db, ['fr'])).items.map((i) => i.id)).not.toContain(
			made.value.id
		);
		const [c] = await s.database.db
			.select()
			.from(moderationCase)
			.where(and(eq(moderationCase.kind, 'story'), eq(moderationCase.subjectId, made.value.id)));
		expect(await caseDetail(s.database.db, mod, c.id)).toMatchObject({
			waiting: true,
			hidden: true
		});
		expect(
			await decideCase({ db: s.database.db, notifier: s.notifier }, mod, c.id, {
				action: 'restore',
				ground: 'other',
				statement
			})
		).toMatchObject({ ok: true });
		expect(await readStory(s.database.db, veteran, made.value.id)).toMatchObject({ held: false });
		const told = await s.database.db
			.select()
			.from(notification)
			.where(
				and(eq(notification.userId, newcomer.id), eq(notification.kind, 'moderation_decision'))
			);
		expect(told).toHaveLength(1);
	});

	it('a pending story can be refused with reasons', async () => {
		const made = await publishStory(
			deps,
			newcomer,
			{ title: 'Buy followers', body: 'x'.repeat(40), language: 'en' },
			null
		);
		if (!made.ok) throw new Error('not made');
		const [c] = await s.database.db
			.select()
			.from(moderationCase)
			.where(eq(moderationCase.subjectId, made.value.id));
		expect(
			await decideCase({ db: s.database.db, notifier: s.notifier }, mod, c.id, {
				action: 'hide',
				ground: 'spam',
				statement: 'Advertising is not a story: it stays unpublished.'
			})
		).toMatchObject({ ok: true });
		expect(await caseDetail(s.database.db, mod, c.id)).toMatchObject({
			waiting: false,
			hidden: true
		});
		expect(await readStory(s.database.db, veteran, made.value.id)).toBeNull();
	});

	it('an established account publishes at once; the feed puts the reader’s languages first', async () => {
		const es = await publishStory(
			deps,
			veteran,
			{ title: 'Mi llegada a Madrid', body, language: 'es' },
			null
		);
		const ar = await publishStory(
			deps,
			veteran,
			{ title: 'وصولي إلى عمّان', body, language: 'ar' },
			null
		);
		expect(es.ok && !es.value.waiting && ar.ok).toBe(true);
		const forArabic = await storyFeed(s.database.db, ['ar']);
		expect(forArabic.items[0].language).toBe('ar');
		const forSpanish = await storyFeed(s.database.db, ['es', 'fr']);
		expect(
			forSpanish.items
				.slice(0, 2)
				.map((i) => i.language)
				.sort()
		).toEqual(['es', 'fr']);
	});

	it('a cover is re-encoded without metadata and needs its description; anything else is refused', async () => {
		const photo = await sharp({
			create: { width: 900, height: 600, channels: 3, background: '#36a' }
		})
			.jpeg()
			.withMetadata({ exif: { IFD0: { Copyright: 'where it was taken' } } })
			.toBuffer();
		const input = { title: 'With a picture', body, language: 'en' };
		expect(await publishStory(deps, veteran, input, { data: photo, name: 'a.jpg' })).toMatchObject({
			errors: { coverAlt: 'error_story_alt_needed' }
		});
		expect(
			await publishStory(
				deps,
				veteran,
				{ ...input, coverAlt: 'A blue wall' },
				{ data: Buffer.from('<html>'), name: 'x.jpg' }
			)
		).toMatchObject({ errors: { cover: 'error_story_cover' } });
		const made = await publishStory(
			deps,
			veteran,
			{ ...input, coverAlt: 'A blue wall' },
			{ data: photo, name: 'a.jpg' }
		);
		if (!made.ok) throw new Error(JSON.stringify(made));
		const cover = await storyCover(deps, null, made.value.id);
		const meta = await sharp(cover!).metadata();
		expect(meta.format).toBe('webp');
		expect(meta.exif).toBeUndefined();
		expect(await readStory(s.database.db, null, made.value.id)).toMatchObject({
			cover: { alt: 'A blue wall', width: 900 }
		});
	});

	it('refuses hostile input, and stories for an organisation one does not work in', async () => {
		for (const bad of [
			{ title: 'ok title', body: 'short', language: 'en' },
			{ title: 'ok title', body: 'x'.repeat(20_001), language: 'en' },
			{ title: 'flip \u202Etxt', body, language: 'en' },
			{ title: 'ok title', body, language: 'xx' }
		])
			expect(await publishStory(deps, veteran, bad, null)).toMatchObject({
				ok: false,
				kind: 'invalid'
			});
		expect(
			await publishStory(deps, veteran, { title: 'For them', body, language: 'en' }, null, {
				organisation: 'maison-des-diasporas'
			})
		).toMatchObject({ kind: 'not_found' });
		const made = await publishStory(
			deps,
			veteran,
			{ title: 'Script', body: `${body} <script>alert(1)</script>`, language: 'en' },
			null
		);
		expect(
			(await readStory(s.database.db, null, made.ok ? made.value.id : ''))!.html
		).not.toContain('<script');
	});

	it('reports go to the queue; erasure removes a person’s stories', async () => {
		const made = await publishStory(
			deps,
			veteran,
			{ title: 'To report', body, language: 'en' },
			null
		);
		if (!made.ok) throw new Error('not made');
		expect(
			await reportStory(s.database.db, newcomer, made.value.id, { reason: 'spam' })
		).toMatchObject({ ok: true });
		expect(
			await reportStory(s.database.db, veteran, made.value.id, { reason: 'spam' })
		).toMatchObject({ errors: { form: 'error_report_own' } });
		expect((await deleteMyAccount({ db: s.database.db, storage: s.storage }, veteran.id)).ok).toBe(
			true
		);
		expect(await readStory(s.database.db, null, made.value.id)).toBeNull();
	});
});
