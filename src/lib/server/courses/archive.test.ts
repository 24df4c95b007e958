import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import sharp from 'sharp';
import { testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { updateLesson } from './authoring.ts';
import { addMedia } from './quiz-authoring.ts';
import { exportCourse, importCourse } from './archive.ts';
import { courseDocument, writeCourse } from './import.ts';
import { readLesson } from './read.ts';
import { courseOverview } from './read.ts';

/** An archive's content with its files' ids replaced by their order: what must survive a trip. */
function normalised(archive: Uint8Array) {
	const files = unzipSync(archive);
	const manifest = JSON.parse(strFromU8(files['manifest.json']));
	const order = new Map<string, string>(
		manifest.media.map((m: { id: string }, i: number) => [m.id, `M${i}`])
	);
	const swap = (text: string) =>
		text.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => order.get(id) ?? id);
	const lessons = Object.fromEntries(
		Object.entries(files)
			.filter(([name]) => name.startsWith('lessons/'))
			.map(([name, data]) => [name, swap(strFromU8(data))])
	);
	const media = Object.fromEntries(
		Object.entries(files)
			.filter(([name]) => name.startsWith('media/'))
			.map(([name, data]) => [swap(name), Buffer.from(data).toString('base64')])
	);
	return { manifest: JSON.parse(swap(JSON.stringify(manifest))), lessons, media };
}

describe('a course exported as one archive and imported into another deployment', () => {
	let a: AppContext, b: AppContext;
	let admin: Actor;
	beforeAll(async () => {
		[a, b] = await Promise.all([
			testServices({ kind: 'pglite' }),
			testServices({ kind: 'pglite' })
		]);
		const m = await buildMember(a, { roles: ['administrator'] });
		admin = { id: m.id, roles: ['member', 'administrator'] };
	});
	afterAll(async () => {
		await a.database.close();
		await b.database.close();
	});

	it('round-trips text, quizzes and files exactly; the copy is a draft with its own file ids', async () => {
		const doc = courseDocument.parse({
			slug: 'round-trip',
			title: 'Round trip',
			summary: 'Everything a course can hold.',
			language: 'fr',
			modules: [
				{
					title: 'Un',
					lessons: [
						{ kind: 'text', title: 'Texte', body: 'Avant', minutes: 3 },
						{
							kind: 'quiz',
							title: 'Quiz',
							passMark: 80,
							questions: [
								{
									kind: 'single',
									prompt: 'Lequel ?',
									feedback: 'Le deuxième.',
									choices: [
										{ text: 'Un', correct: false },
										{ text: 'Deux', correct: true }
									]
								},
								{
									kind: 'multiple',
									prompt: 'Lesquels ?',
									choices: [
										{ text: 'A', correct: true },
										{ text: 'B', correct: true },
										{ text: 'C', correct: false }
									]
								},
								{ kind: 'true_false', prompt: 'Vrai ?', answer: false },
								{ kind: 'short', prompt: 'Le mot ?', answers: ['Élan', 'elan'] }
							]
						}
					]
				}
			]
		});
		const courseId = await a.database.db.transaction((tx) =>
			writeCourse(tx, doc, { organisationId: null, published: new Date() })
		);
		expect(courseId).toBeTruthy();
		const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#08c' } })
			.png()
			.toBuffer();
		const media = await addMedia({ db: a.database.db, storage: a.storage }, admin, 'round-trip', {
			data: png,
			name: 'carte.png'
		});
		if (!media.ok) throw new Error(JSON.stringify(media));
		const o = await courseOverview(a.database.db, admin, 'round-trip');
		const text = o!.modules[0].lessons[0].id;
		await updateLesson(a.database.db, admin, 'round-trip', text, {
			title: 'Texte',
			body: `Avant\n\n![La carte](media:${media.value.id})`,
			minutes: '3'
		});
		const exported = await exportCourse({ db: a.database.db, storage: a.storage }, 'round-trip');
		if (!exported.ok) throw new Error('no export');

		const imported = await importCourse({ db: b.database.db, storage: b.storage }, exported.value);
		expect(imported).toMatchObject({ ok: true, value: { slug: 'round-trip' } });
		const again = await exportCourse({ db: b.database.db, storage: b.storage }, 'round-trip');
		if (!again.ok) throw new Error('no second export');
		expect(normalised(again.value)).toEqual(normalised(exported.value));
		const copyOverview = await courseOverview(b.database.db, null, 'round-trip');
		expect(copyOverview).toBeNull(); // a draft until someone publishes it
		const copy = (await exportCourse({ db: b.database.db, storage: b.storage }, 'round-trip')) as {
			ok: true;
			value: Uint8Array;
		};
		const newId = JSON.parse(strFromU8(unzipSync(copy.value)['manifest.json'])).media[0].id;
		expect(newId).not.toBe(media.value.id);
		const m = await buildMember(b, { roles: ['administrator'] });
		const lesson = await readLesson(
			b.database.db,
			{ id: m.id, roles: ['member', 'administrator'] },
			'round-trip',
			(await courseOverview(
				b.database.db,
				{ id: m.id, roles: ['member', 'administrator'] },
				'round-trip'
			))!.modules[0].lessons[0].id
		);
		expect(lesson?.lesson.html).toContain(
			`<img src="/courses/round-trip/media/${newId}" alt="La carte"`
		);
		// The same slug twice is refused; another slug is given.
		expect(
			await importCourse({ db: b.database.db, storage: b.storage }, exported.value)
		).toMatchObject({ ok: false, kind: 'conflict' });
		expect(
			await importCourse({ db: b.database.db, storage: b.storage }, exported.value, {
				slug: 'round-trip-2',
				publish: true
			})
		).toMatchObject({ ok: true });
		expect(await courseOverview(b.database.db, null, 'round-trip-2')).toMatchObject({
			published: true
		});
	});

	it('refuses a damaged archive, a wrong manifest or a file that is not what it says, writing nothing', async () => {
		const deps = { db: b.database.db, storage: b.storage };
		expect(await importCourse(deps, new Uint8Array([1, 2, 3]))).toMatchObject({
			ok: false,
			kind: 'invalid'
		});
		const bad = zipSync({ 'manifest.json': strToU8('{"format":"other"}') });
		expect(await importCourse(deps, bad)).toMatchObject({
			ok: false,
			errors: { file: expect.stringContaining('manifest.json') }
		});
		const lying = zipSync({
			'manifest.json': strToU8(
				JSON.stringify({
					format: 'passerelle-course',
					version: 1,
					course: {
						slug: 'lying',
						title: 'Lying',
						summary: 'A file that is not a picture.',
						language: 'en'
					},
					modules: [
						{
							title: 'One',
							lessons: [
								{ kind: 'text', title: 'Only', file: 'lessons/01-01.md', minutes: 1, passMark: 70 }
							]
						}
					],
					media: [
						{
							id: '00000000-0000-4000-8000-000000000000',
							name: 'x.png',
							file: 'media/00000000-0000-4000-8000-000000000000.png'
						}
					]
				})
			),
			'lessons/01-01.md': strToU8('Hello'),
			'media/00000000-0000-4000-8000-000000000000.png': strToU8('#!/bin/sh\necho not a picture')
		});
		expect(await importCourse(deps, lying)).toMatchObject({
			ok: false,
			errors: { file: expect.stringContaining('error_resource_file_type') }
		});
		expect(await courseOverview(b.database.db, null, 'lying')).toBeNull();
	});
});
