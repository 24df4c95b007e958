import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { courseAccess } from '#lib/server/courses/access.ts';
import { outline } from '#lib/server/courses/read.ts';
import {
	addLesson,
	addModule,
	move,
	rotateCohortLink,
	setPublished,
	updateCourse
} from '#lib/server/courses/authoring.ts';
import { idParam } from '#lib/http/id-param.ts';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const slug = idParam('slug', params.slug);
	const { database } = await app();
	const access = await courseAccess(database.db, locals.user, slug);
	if (!access?.may('edit')) error(404, 'Not found');
	const c = access.course;
	return {
		slug,
		course: { title: c.title, summary: c.summary, language: c.language, audience: c.audience },
		published: !!c.publishedAt,
		hasLink: !!c.cohortCodeHash,
		modules: await outline(database.db, c.id)
	};
};

const slugOf = (params: { slug: string }) => idParam('slug', params.slug);

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const { text } = await readForm(request);
		const values = {
			title: text('title'),
			summary: text('summary'),
			language: text('language'),
			audience: text('audience') || 'open'
		};
		const { database } = await app();
		const result = await updateCourse(database.db, locals.user, slugOf(params), values);
		if (!result.ok) return failForm(result, values);
		return { saved: true };
	},
	publish: async ({ locals, params, request }) => {
		const { text } = await readForm(request);
		const { database } = await app();
		const result = await setPublished(
			database.db,
			locals.user,
			slugOf(params),
			text('published') === 'yes'
		);
		if (!result.ok) return failForm(result);
		return { saved: true };
	},
	link: async ({ locals, params, url }) => {
		const { database } = await app();
		const slug = slugOf(params);
		const result = await rotateCohortLink(database.db, locals.user, slug);
		if (!result.ok) return failForm(result);
		return { link: `${url.origin}/courses/${slug}/join/${result.value.code}` };
	},
	module: async ({ locals, params, request }) => {
		const { text } = await readForm(request);
		const values = { title: text('title') };
		const { database } = await app();
		const result = await addModule(database.db, locals.user, slugOf(params), values);
		if (!result.ok) return failForm(result, values, { where: 'module' });
		return { saved: true };
	},
	lesson: async ({ locals, params, request }) => {
		const { text } = await readForm(request);
		const moduleId = parseId('uuid', text('module'));
		const values = { title: text('title'), kind: text('kind') || 'text' };
		const { database } = await app();
		const slug = slugOf(params);
		const result = moduleId
			? await addLesson(database.db, locals.user, slug, moduleId, values)
			: ({ ok: false, kind: 'not_found' } as const);
		if (!result.ok) return failForm(result, values, { where: moduleId });
		redirect(303, `/courses/${slug}/edit/${result.value.id}`);
	},
	move: async ({ locals, params, request }) => {
		const { text } = await readForm(request);
		const id = parseId('uuid', text('id'));
		const direction = text('direction') === 'up' ? 'up' : 'down';
		if (!id) error(404, 'Not found');
		const { database } = await app();
		const what = text('what') === 'module' ? { module: id } : { lesson: id };
		const result = await move(database.db, locals.user, slugOf(params), what, direction);
		if (!result.ok) return failForm(result);
		return { saved: true };
	}
};
