import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { readLesson } from '#lib/server/courses/read.ts';
import { completeLesson, submitQuiz } from '#lib/server/courses/learning.ts';
import { certify } from '#lib/server/app/certificates.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const slug = idParam('slug', params.slug);
	const lessonId = idParam('uuid', params.lesson);
	const { database } = await app();
	const found = await readLesson(database.db, locals.user, slug, lessonId);
	if (!found) error(404, 'Not found');
	// One key per page shown: the same answers sent twice (a reload, a queued offline send) count once.
	return { ...found, clientKey: randomUUID(), signedIn: !!locals.user };
};

export const actions: Actions = {
	done: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const lessonId = idParam('uuid', params.lesson);
		const s = await app();
		const { database } = s;
		const result = await completeLesson(database.db, locals.user, slug, lessonId);
		if (!result.ok) return failForm(result);
		if (result.value.courseCompleted) await certify(s, result.value.courseId, locals.user.id);
		const found = await readLesson(database.db, locals.user, slug, lessonId);
		redirect(
			303,
			localizeHref(
				found?.next && !result.value.courseCompleted
					? `/courses/${slug}/${found.next}`
					: `/courses/${slug}`
			)
		);
	},
	answer: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const slug = idParam('slug', params.slug);
		const lessonId = idParam('uuid', params.lesson);
		const { data } = await readForm(request);
		const answers: Record<string, string[]> = {};
		for (const [name, value] of data.entries())
			if (name.startsWith('q-') && typeof value === 'string' && value.trim())
				(answers[name.slice(2)] ??= []).push(value);
		const clientKey = String(data.get('clientKey') ?? '');
		const s = await app();
		const result = await submitQuiz(s.database.db, locals.user, slug, lessonId, answers, clientKey);
		if (!result.ok) return failForm(result);
		const r = result.value;
		if (r.courseCompleted) await certify(s, r.courseId, locals.user.id);
		if (!r.passed) return fail(200, { answered: r, given: answers });
		return { answered: r, given: answers };
	}
};
