import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import {
	addGoal,
	giveFeedback,
	leavePair,
	logSession,
	markGoal,
	readPair
} from '#lib/server/mentoring/pairs.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/** A pair's own page: goals, sessions and their notes, feedback at the end. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await readPair(database.db, locals.user, id);
	if (!found) error(404, 'Not found');
	return {
		id,
		programme: found.programme,
		mentor: found.mentor,
		mentee: found.mentee,
		me: found.tie.inPair ?? null,
		status: found.pair.status,
		goals: found.goals.map((g) => ({ id: g.id, title: g.title, met: !!g.metAt })),
		sessions: found.sessions.map((s) => ({
			id: s.id,
			day: s.day,
			minutes: s.minutes,
			notes: s.notes
		})),
		myFeedback: found.myFeedback ? { rating: found.myFeedback.rating } : null,
		mayLog: found.may('log'),
		mayFeedback: found.may('give-feedback') && !found.myFeedback,
		mayLeave: found.may('leave'),
		today: new Date().toISOString().slice(0, 10)
	};
};

const pairId = (params: { id: string }) => idParam('uuid', params.id);

export const actions: Actions = {
	session: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const values = { day: text('day'), minutes: text('minutes'), notes: text('notes') };
		const { database } = await app();
		const result = await logSession(database.db, locals.user, pairId(params), values);
		if (!result.ok) return failForm(result, values, { part: 'session' });
		return { done: 'session' };
	},
	goal: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const values = { title: text('title') };
		const { database } = await app();
		const result = await addGoal(database.db, locals.user, pairId(params), values);
		if (!result.ok) return failForm(result, values, { part: 'goal' });
		return { done: 'goal' };
	},
	met: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const { database } = await app();
		const result = await markGoal(
			database.db,
			locals.user,
			pairId(params),
			Number(text('goal')),
			text('met') === 'yes'
		);
		if (!result.ok) return failForm(result);
		return { done: 'goal' };
	},
	feedback: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const values = { rating: text('rating'), comment: text('comment') };
		const { database } = await app();
		const result = await giveFeedback(database.db, locals.user, pairId(params), values);
		if (!result.ok) return failForm(result, values, { part: 'feedback' });
		return { done: 'feedback' };
	},
	leave: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const result = await leavePair(noticeDeps(await app()), locals.user, pairId(params));
		if (!result.ok) return failForm(result);
		return { done: 'leave' };
	}
};
