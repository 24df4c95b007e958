import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { writeTinyClassifier } from '../../../../tests/support/tiny-classifier.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { startConversation, postMessage } from '../messages/post.ts';
import { emptyProfile, saveProfile } from '../members/save-profile.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { caseDetail } from './read.ts';
import { ClassifierError, defaultFlagging, loadClassifier, pieces } from './classifier.ts';
import { runScreening } from './screening.ts';
import { moderationCase, moderationScreening } from './schema.ts';

const modelDir = () => mkdtempSync(path.join(tmpdir(), 'passerelle-classifier-'));

describe('a local ONNX text classifier', () => {
	it('scores text with the model and its tokenizer: hostile words flag, others do not', async () => {
		const c = await loadClassifier(await writeTinyClassifier(modelDir()), { threshold: 0.8 });
		expect(c.flagging).toEqual(['HATE']);
		const [calm, hostile, empty, long] = await c.classify([
			'Hello neighbours, welcome to our market',
			'The INVADERS are vermin!',
			'   ',
			// The model reads 16 tokens: a long text is read in pieces, so the end counts too.
			`${'hello '.repeat(300)} infestation`
		]);
		expect(calm).toBeNull();
		expect(empty).toBeNull();
		expect(hostile).toEqual({ label: 'HATE', score: expect.closeTo(0.9526, 3) });
		expect(long?.label).toBe('HATE');
		const scores = await c.scores('welcome neighbours');
		expect(scores.map((s) => s.label)).toEqual(['NOT-HATE', 'HATE']);
		expect(scores[0].score).toBeGreaterThan(0.7);
		await c.close();
	});

	it('a higher threshold flags less; labels are checked against the model', async () => {
		const dir = await writeTinyClassifier(modelDir());
		const strict = await loadClassifier(dir, { threshold: 0.99 });
		expect(await strict.classify(['The invaders are vermin'])).toEqual([null]);
		await strict.close();
		await expect(loadClassifier(dir, { threshold: 0.8, labels: ['toxic'] })).rejects.toThrow(
			/toxic are not among NOT-HATE, HATE/
		);
		const neutral = await writeTinyClassifier(modelDir(), { labels: ['positive', 'negative'] });
		await expect(loadClassifier(neutral, { threshold: 0.8 })).rejects.toThrow(
			/TEXT_CLASSIFIER_LABELS/
		);
		const chosen = await loadClassifier(neutral, { threshold: 0.8, labels: ['negative'] });
		expect((await chosen.classify(['vermin']))[0]?.label).toBe('negative');
		await chosen.close();
	});

	it('a broken or missing model is refused with the file it came from', async () => {
		const dir = await writeTinyClassifier(modelDir());
		writeFileSync(path.join(dir, 'model.onnx'), 'not a model');
		await expect(loadClassifier(dir, { threshold: 0.8 })).rejects.toThrow(ClassifierError);
		await expect(loadClassifier(dir, { threshold: 0.8 })).rejects.toThrow(/model\.onnx/);
		await expect(loadClassifier(modelDir(), { threshold: 0.8 })).rejects.toThrow(/config\.json/);
	});

	it('names harm labels by default, not their negations', () => {
		expect(
			defaultFlagging(['NOT-HATE', 'HATE', 'non_toxic', 'toxic', 'normal', 'offensive'])
		).toEqual(['HATE', 'toxic', 'offensive']);
		expect(pieces('a b c d e f g', 9)).toEqual(['a b c', 'd e f', 'g']);
	});
});

describe.each(DATABASES)('screening saved text with a classifier on $kind', (target) => {
	let s: AppContext;
	type A = Awaited<ReturnType<typeof buildActor>>;
	let amina: A, bruno: A;
	let conversationId: string;

	beforeAll(async () => {
		const dir = await writeTinyClassifier(modelDir());
		s = await testServices(target, { TEXT_CLASSIFIER_DIR: dir });
		[amina, bruno] = await Promise.all(['Amina', 'Bruno'].map((name) => buildActor(s, { name })));
		const started = await startConversation({ db: s.database.db, notifier: s.notifier }, bruno, {
			to: [amina.id],
			body: 'Hello, welcome to our market'
		});
		if (!started.ok) throw new Error(JSON.stringify(started));
		conversationId = started.value.id;
	});
	afterAll(() => s.database.close());

	const caseOf = async (kind: 'message' | 'profile', id: string) =>
		(
			await s.database.db
				.select()
				.from(moderationCase)
				.where(and(eq(moderationCase.kind, kind), eq(moderationCase.subjectId, id)))
		)[0];

	it('flags what the model scores above the threshold, within the job, and leaves it in place', async () => {
		expect(s.classifier).not.toBeNull();
		const r = await postMessage(
			{ db: s.database.db, notifier: s.notifier, storage: s.storage },
			bruno,
			conversationId,
			{ body: 'Those invaders are an infestation' }
		);
		if (!r.ok) throw new Error(JSON.stringify(r));
		// Saved and delivered at once; the score comes off the request path.
		expect(await caseOf('message', String(r.value.id))).toBeUndefined();
		expect(await runScreening(s.database.db, s.classifier!)).toEqual({ screened: 2, flagged: 1 });
		const c = await caseOf('message', String(r.value.id));
		expect(c).toMatchObject({
			status: 'open',
			authorId: bruno.id,
			classifierLabel: 'HATE',
			reportCount: 1,
			excerpt: 'Those invaders are an infestation'
		});
		expect(c.classifierScore).toBeGreaterThan(0.9);
		const mod = { id: amina.id, roles: ['member', 'moderator'] as const };
		const detail = await caseDetail(s.database.db, { ...mod, roles: [...mod.roles] }, c.id);
		expect(detail!.reports[0]).toMatchObject({
			reporter: null,
			reason: 'hate',
			note: 'classifier'
		});
		expect(await s.database.db.select().from(moderationScreening)).toEqual([]);
		expect(await runScreening(s.database.db, s.classifier!)).toEqual({ screened: 0, flagged: 0 });
	});

	it('a profile saved twice is scored once, as it is now; erasure drops what waits', async () => {
		const chen = await buildActor(s, { name: 'Chen' });
		for (const bio of ['Vermin, all of them', 'Hello neighbours'])
			expect(
				(await saveProfile(s.database.db, chen, chen.id, { ...emptyProfile('Chen', 'en'), bio })).ok
			).toBe(true);
		const waiting = await s.database.db.select().from(moderationScreening);
		expect(waiting.map((w) => w.text)).toEqual(['Chen\nHello neighbours']);
		expect(await runScreening(s.database.db, s.classifier!)).toEqual({ screened: 1, flagged: 0 });
		expect(await caseOf('profile', chen.id)).toBeUndefined();

		const dana = await buildActor(s, { name: 'Dana' });
		await saveProfile(s.database.db, dana, dana.id, {
			...emptyProfile('Dana', 'en'),
			bio: 'invaders'
		});
		expect(await s.database.db.select().from(moderationScreening)).toHaveLength(1);
		await deleteMyAccount({ db: s.database.db, storage: s.storage }, dana.id);
		expect(await s.database.db.select().from(moderationScreening)).toEqual([]);
	});
});

describe('starting with a classifier that does not load', () => {
	it('refuses to start and says which file is wrong', async () => {
		await expect(
			testServices({ kind: 'pglite' }, { TEXT_CLASSIFIER_DIR: modelDir() })
		).rejects.toThrow(/config\.json/);
	});
});
