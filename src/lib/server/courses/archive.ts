import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { Storage } from '../platform/storage.ts';
import { checkResourceFile } from '../library/files.ts';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { courseDocument, writeCourse } from './import.ts';
import { course, courseLesson, courseMedia, courseModule, quizQuestion } from './schema.ts';

/**
 * One course as one file (docs/decisions/0030): a ZIP with `manifest.json` (the course, its
 * parts, lessons and questions, and its files), each lesson's Markdown under `lessons/`, and its
 * files under `media/`. The format is ours but plain: readable and editable by hand.
 */
const FORMAT = 'passerelle-course';
const MAX_ENTRIES = 1000;
const MAX_BYTES = 300 * 1024 * 1024;

const manifest = z.object({
	format: z.literal(FORMAT),
	version: z.literal(1),
	course: courseDocument.omit({ modules: true }),
	modules: z.array(
		z.object({
			title: z.string(),
			lessons: z.array(
				z.object({
					kind: z.enum(['text', 'quiz']),
					title: z.string(),
					file: z.string().regex(/^lessons\/[a-z0-9-]+\.md$/),
					minutes: z.number().int(),
					passMark: z.number().int(),
					questions: z.array(z.unknown()).default([])
				})
			)
		})
	),
	media: z
		.array(
			z.object({
				id: z.string().uuid(),
				name: z.string().max(200),
				file: z.string().regex(/^media\/[0-9a-f-]{36}\.[a-z0-9]{1,5}$/)
			})
		)
		.default([])
});

async function isCleanWebp(data: Buffer) {
	if (
		data.subarray(0, 4).toString('latin1') !== 'RIFF' ||
		data.subarray(8, 12).toString('latin1') !== 'WEBP'
	)
		return false;
	const meta = await sharp(data)
		.metadata()
		.catch(() => null);
	return !!meta && meta.format === 'webp' && !meta.exif && !meta.xmp && !meta.iptc && !meta.icc;
}

export async function exportCourse(
	deps: { db: Db; storage: Storage },
	slug: string
): Promise<Result<Uint8Array>> {
	const { db } = deps;
	const [c] = await db.select().from(course).where(eq(course.slug, slug));
	if (!c) return failure('not_found');
	const modules = await db
		.select()
		.from(courseModule)
		.where(eq(courseModule.courseId, c.id))
		.orderBy(asc(courseModule.position));
	const lessons = await db
		.select()
		.from(courseLesson)
		.where(eq(courseLesson.courseId, c.id))
		.orderBy(asc(courseLesson.position));
	// Every question of the course in one query, in order; each lesson takes its own.
	const allQuestions = lessons.length
		? await db
				.select()
				.from(quizQuestion)
				.where(
					inArray(
						quizQuestion.lessonId,
						lessons.map((l) => l.id)
					)
				)
				.orderBy(asc(quizQuestion.position))
		: [];
	const media = await db
		.select()
		.from(courseMedia)
		.where(eq(courseMedia.courseId, c.id))
		.orderBy(asc(courseMedia.createdAt));
	const files: Record<string, Uint8Array> = {};
	const doc = {
		format: FORMAT,
		version: 1,
		course: {
			slug: c.slug,
			title: c.title,
			summary: c.summary,
			language: c.language,
			audience: c.audience
		},
		modules: [] as unknown[],
		media: [] as unknown[]
	};
	for (const [mi, m] of modules.entries()) {
		const out = { title: m.title, lessons: [] as unknown[] };
		for (const [li, l] of lessons.filter((x) => x.moduleId === m.id).entries()) {
			const file = `lessons/${String(mi + 1).padStart(2, '0')}-${String(li + 1).padStart(2, '0')}.md`;
			files[file] = strToU8(l.body);
			const questions = allQuestions.filter((q) => q.lessonId === l.id);
			out.lessons.push({
				kind: l.kind,
				title: l.title,
				file,
				minutes: l.minutes,
				passMark: l.passMark,
				questions: questions.map((q) =>
					q.kind === 'true_false'
						? { kind: q.kind, prompt: q.prompt, feedback: q.feedback, answer: q.answerTrue }
						: q.kind === 'short'
							? { kind: q.kind, prompt: q.prompt, feedback: q.feedback, answers: q.answers }
							: {
									kind: q.kind,
									prompt: q.prompt,
									feedback: q.feedback,
									choices: q.choices.map((ch) => ({ text: ch.text, correct: ch.correct }))
								}
				)
			});
		}
		doc.modules.push(out);
	}
	for (const m of media) {
		const data = await deps.storage.get(m.storageKey);
		if (!data) continue;
		const file = `media/${m.id}.${m.storageKey.split('.').pop()}`;
		files[file] = data;
		doc.media.push({ id: m.id, name: m.name, file });
	}
	files['manifest.json'] = strToU8(JSON.stringify(doc, null, 2));
	return ok(zipSync(files, { level: 6 }));
}

/**
 * Loads an archive into this deployment: checked whole before anything is written (the
 * manifest, every lesson, every file by its content), then written in one transaction, as a
 * draft of the organisation named (or of the platform). Files get new ids; lessons follow.
 */
export async function importCourse(
	deps: { db: Db; storage: Storage },
	archive: Uint8Array,
	opts: { organisation?: string; publish?: boolean; slug?: string } = {}
): Promise<Result<{ id: string; slug: string }>> {
	let entries: Record<string, Uint8Array>;
	let count = 0;
	let size = 0;
	try {
		entries = unzipSync(archive, {
			filter: (f) => {
				count++;
				size += f.originalSize;
				if (count > MAX_ENTRIES || size > MAX_BYTES) throw new Error('too large');
				return true;
			}
		});
	} catch {
		return failure('invalid', { file: 'not a course archive (or too large)' });
	}
	const raw = entries['manifest.json'];
	let parsed;
	try {
		parsed = manifest.safeParse(JSON.parse(strFromU8(raw ?? new Uint8Array())));
	} catch {
		return failure('invalid', { file: 'manifest.json is not JSON' });
	}
	if (!parsed.success)
		return failure('invalid', {
			file: `manifest.json: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`
		});
	const m = parsed.data;
	const ids = new Map<string, string>();
	const files: {
		id: string;
		kind: string;
		name: string;
		type: string;
		data: Buffer;
		extension: string;
	}[] = [];
	for (const media of m.media) {
		const data = entries[media.file];
		if (!data) return failure('invalid', { file: `${media.file} is missing` });
		const checked = await checkResourceFile(Buffer.from(data), media.name);
		if (!checked.ok) return failure('invalid', { file: `${media.file}: ${checked.error}` });
		const id = randomUUID();
		ids.set(media.id, id);
		// A picture this platform already wrote (WebP without metadata) is kept byte for byte, so
		// that a course survives any number of trips; any other is written again as on upload.
		const own = checked.file.kind === 'image' && (await isCleanWebp(Buffer.from(data)));
		files.push({ id, ...checked.file, data: own ? Buffer.from(data) : checked.file.data });
	}
	const rewrite = (body: string) =>
		body.replace(/media:([0-9a-f-]{36})/g, (all, old: string) =>
			ids.has(old) ? `media:${ids.get(old)}` : all
		);
	const doc = courseDocument.safeParse({
		...m.course,
		slug: opts.slug ?? m.course.slug,
		modules: m.modules.map((mod) => ({
			title: mod.title,
			lessons: mod.lessons.map((l) => ({
				kind: l.kind,
				title: l.title,
				body: rewrite(strFromU8(entries[l.file] ?? new Uint8Array())),
				minutes: l.minutes,
				passMark: l.passMark,
				questions: l.questions
			}))
		}))
	});
	if (!doc.success)
		return failure('invalid', {
			file: `${doc.error.issues[0]?.path.join('.')} ${doc.error.issues[0]?.message}`
		});
	const { db } = deps;
	let organisationId: string | null = null;
	if (opts.organisation) {
		const [org] = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(eq(organisation.slug, opts.organisation));
		if (!org) return failure('not_found', { organisation: opts.organisation });
		organisationId = org.id;
	}
	const [taken] = await db
		.select({ id: course.id })
		.from(course)
		.where(eq(course.slug, doc.data.slug));
	if (taken)
		return failure('conflict', { slug: `a course called ${doc.data.slug} exists: give --slug` });
	const keys: string[] = [];
	try {
		const id = await db.transaction(async (tx) => {
			const courseId = await writeCourse(tx, doc.data, {
				organisationId,
				published: opts.publish ? new Date() : null
			});
			for (const f of files) {
				const key = `courses/${courseId}/${f.id}.${f.extension}`;
				await deps.storage.put(key, f.data);
				keys.push(key);
				await tx.insert(courseMedia).values({
					id: f.id,
					courseId,
					kind: f.kind,
					name: f.name,
					type: f.type,
					bytes: f.data.byteLength,
					storageKey: key
				});
			}
			return courseId;
		});
		return ok({ id, slug: doc.data.slug });
	} catch (error) {
		for (const key of keys) await deps.storage.remove(key).catch(() => {});
		throw error;
	}
}
