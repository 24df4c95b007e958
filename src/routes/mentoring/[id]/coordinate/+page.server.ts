import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { suggestCohort, confirmPairs } from '#lib/server/mentoring/cohort.ts';
import { programmeDashboard } from '#lib/server/mentoring/dashboard.ts';
import { endProgramme } from '#lib/server/mentoring/pairs.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/** The coordinator's page: suggested pairs to confirm, and the programme's progress. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const board = await programmeDashboard(database.db, locals.user, id);
	if (!board) error(404, 'Not found');
	const cohort =
		board.programme.status === 'open'
			? await suggestCohort(database.db, locals.user, id, getLocale())
			: null;
	return {
		id,
		title: board.programme.title,
		language: board.programme.language,
		status: board.programme.status,
		totals: board.totals,
		pairs: board.pairs.map((p) => ({
			id: p.id,
			mentor: p.mentor,
			mentee: p.mentee,
			status: p.status,
			droppedBy: p.droppedBy,
			sessions: p.sessions,
			minutes: p.minutes,
			goals: p.goals,
			goalsMet: p.goalsMet,
			rating: p.rating,
			lastActivityAt: p.lastActivityAt
		})),
		suggested:
			cohort?.pairs.map((p) => ({
				key: p.key,
				mentor: p.mentor.name,
				mentee: p.mentee.name,
				score: p.score,
				reasons: p.reasons
			})) ?? [],
		unmatched: cohort?.unmatched.map((u) => u.name) ?? []
	};
};

export const actions: Actions = {
	confirm: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const { data } = await readForm(request);
		const keys = data.getAll('pair').filter((k): k is string => typeof k === 'string');
		const result = await confirmPairs(noticeDeps(await app()), locals.user, id, keys);
		if (!result.ok) return failForm(result);
		return { confirmed: result.value.confirmed };
	},
	end: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const result = await endProgramme(noticeDeps(await app()), locals.user, id);
		if (!result.ok) return failForm(result);
		return { ended: result.value.ended };
	}
};
