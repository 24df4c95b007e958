import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { removeLesson, updateLesson } from '#lib/server/courses/authoring.ts';
import {
	addMedia,
	lessonForAuthor,
	removeQuestion,
	saveQuestion
} from '#lib/server/courses/quiz-authoring.ts';
import { idParam } from '#lib/http/id-param.ts';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const found = await lessonForAuthor(
		database.db,
		locals.user,
		idParam('slug', params.slug),
		idParam('uuid', params.lesson)
	);
	if (!found) error(404, 'Not found');
	return found;
};

const ids = (params: { slug: string; lesson: string }) =>
	[idParam('slug', params.slug), idParam('uuid', params.lesson)] as const;

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const [slug, lesson] = ids(params);
		const { text } = await readForm(request);
		const values = {
			title: text('title'),
			body: text('body'),
			minutes: text('minutes') || '5',
			passMark: text('passMark') || '70'
		};
		const { database } = await app();
		const result = await updateLesson(database.db, locals.user, slug, lesson, values);
		if (!result.ok) return failForm(result, values, { where: 'lesson' });
		return { saved: true };
	},
	question: async ({ locals, params, request }) => {
		const [slug, lesson] = ids(params);
		const { text } = await readForm(request);
		const questionId = parseId('uuid', text('id')) ?? undefined;
		const values = {
			kind: text('kind'),
			prompt: text('prompt'),
			feedback: text('feedback'),
			lines: text('lines'),
			answer: text('answer')
		};
		const { database } = await app();
		const result = await saveQuestion(database.db, locals.user, slug, lesson, values, questionId);
		if (!result.ok) return failForm(result, values, { where: questionId ?? 'new' });
		return { saved: true };
	},
	removeQuestion: async ({ locals, params, request }) => {
		const [slug, lesson] = ids(params);
		const { text } = await readForm(request);
		const id = parseId('uuid', text('id'));
		if (!id) error(404, 'Not found');
		const { database } = await app();
		const result = await removeQuestion(database.db, locals.user, slug, lesson, id);
		if (!result.ok) return failForm(result);
		return { saved: true };
	},
	media: async ({ locals, params, request }) => {
		const [slug] = ids(params);
		const { data } = await readForm(request);
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0)
			return failForm(
				{ ok: false, kind: 'invalid', errors: { file: 'error_resource_file_empty' } },
				{},
				{ where: 'media' }
			);
		const { database, storage } = await app();
		const result = await addMedia({ db: database.db, storage }, locals.user, slug, {
			data: Buffer.from(await file.arrayBuffer()),
			name: file.name
		});
		if (!result.ok) return failForm(result, {}, { where: 'media' });
		return { saved: true, added: result.value };
	},
	remove: async ({ locals, params }) => {
		const [slug, lesson] = ids(params);
		const { database } = await app();
		const result = await removeLesson(database.db, locals.user, slug, lesson);
		if (!result.ok) return failForm(result);
		redirect(303, localizeHref(`/courses/${slug}/edit`));
	}
};
