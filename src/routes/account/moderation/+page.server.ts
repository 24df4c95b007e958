import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { decisionsAbout } from '#lib/server/moderation/read.ts';
import { appealDecision } from '#lib/server/moderation/appeal.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	return (await decisionsAbout(database.db, locals.user))!;
};

export const actions: Actions = {
	/** Allowed while suspended (moderation/suspension.ts): an appeal is how a suspension is contested. */
	appeal: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const f = await readForm(request);
		const decision = Number(f.text('decision'));
		if (!Number.isSafeInteger(decision)) error(404, 'Not found');
		const values = { text: f.text('text') };
		const result = await appealDecision(noticeDeps(await app()), locals.user, decision, values);
		return result.ok ? { appealed: decision } : failForm(result, values, { appealOf: decision });
	}
};
