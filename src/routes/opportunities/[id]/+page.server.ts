import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { readOpportunity } from '#lib/server/opportunities/read.ts';
import { applyTo } from '#lib/server/opportunities/applications.ts';
import { closeOpportunity } from '#lib/server/opportunities/close.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** One opportunity: what it asks, how to apply, and the poster's tools. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await readOpportunity(database.db, locals.user, id, getLocale());
	if (!found) error(404, 'Not found');
	const o = found.opportunity;
	return {
		id,
		type: o.type,
		title: o.title,
		language: o.language,
		workplace: o.workplace,
		countries: o.countries,
		origins: o.origins,
		languages: o.languages,
		deadline: o.deadline,
		pay: o.pay,
		createdAt: o.createdAt,
		demo: o.demo,
		html: found.html,
		required: found.required,
		optional: found.optional,
		poster: found.poster,
		organisationSlug: found.organisationSlug,
		open: found.tie.open,
		waiting: found.tie.held,
		mine: found.tie.poster,
		mayApply: found.may('apply'),
		mayReport: found.may('report'),
		application: found.application
			? { id: found.application.id, status: found.application.status }
			: null,
		signedIn: !!locals.user,
		posted: url.searchParams.get('posted') === '1'
	};
};

export const actions: Actions = {
	apply: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const { text } = await readForm(request);
		const values = {
			kind: text('kind') || 'apply',
			message: text('message'),
			shareProfile: text('shareProfile') === 'yes'
		};
		const result = await applyTo(noticeDeps(await app()), locals.user, id, values);
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/opportunities/${id}/applications/${result.value.id}?sent=1`));
	},
	close: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const result = await closeOpportunity(noticeDeps(await app()), locals.user, id);
		if (!result.ok) return failForm(result);
		return { closed: true };
	}
};
