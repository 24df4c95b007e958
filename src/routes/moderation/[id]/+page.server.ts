import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { caseDetail } from '#lib/server/moderation/read.ts';
import { decideCase } from '#lib/server/moderation/decide.ts';
import { decideAppeal } from '#lib/server/moderation/appeal.ts';
import { moderatedCommunities } from '#lib/server/communities/access.ts';
import { highlight } from '#lib/moderation/highlight.ts';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const scopes = await moderatedCommunities(database.db, locals.user.id);
	const found = await caseDetail(database.db, locals.user, id, new Date(), scopes);
	if (!found) error(404, 'Not found');
	return { ...found, pieces: highlight(found.excerpt, found.flaggedTerms) };
};

/** The actor and the communities they moderate; the operations decide what that allows. */
async function moderator(locals: App.Locals, url: URL) {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	return { actor: locals.user, scopes: await moderatedCommunities(database.db, locals.user.id) };
}

export const actions: Actions = {
	decide: async ({ locals, params, request, url }) => {
		const { actor, scopes } = await moderator(locals, url);
		const id = idParam('uuid', params.id);
		const f = await readForm(request);
		const values = {
			action: f.text('action'),
			ground: f.text('ground'),
			statement: f.text('statement'),
			days: f.text('days')
		};
		const result = await decideCase(noticeDeps(await app()), actor, id, values, new Date(), scopes);
		return result.ok ? { decided: values.action } : failForm(result, values);
	},
	appeal: async ({ locals, params, request, url }) => {
		const { actor, scopes } = await moderator(locals, url);
		idParam('uuid', params.id);
		const f = await readForm(request);
		const decision = Number(f.text('decision'));
		if (!Number.isSafeInteger(decision)) error(404, 'Not found');
		const values = { outcome: f.text('outcome'), statement: f.text('statement') };
		const result = await decideAppeal(
			noticeDeps(await app()),
			actor,
			decision,
			values,
			new Date(),
			scopes
		);
		return result.ok
			? { answered: values.outcome }
			: failForm(result, values, { appealOf: decision });
	}
};
