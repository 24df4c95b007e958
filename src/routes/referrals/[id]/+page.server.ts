import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { getReferral } from '#lib/server/referrals/get-referral.ts';
import { changeStatus } from '#lib/server/referrals/transitions.ts';
import { postMessage } from '#lib/server/referrals/thread.ts';
import { referralDeps } from '#lib/server/referrals/deps.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { signInFirst } from '#lib/http/next-path.ts';
import { idParam } from '#lib/http/id-param.ts';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	idParam('uuid', params.id);
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const referral = await getReferral(database.db, locals.user, params.id, getLocale());
	// Not found and not allowed look the same: a referral's existence is not revealed.
	if (!referral) error(404, 'Not found');
	return { referral, created: url.searchParams.has('created') };
};

/** Field errors carry the transition's name so each form's fields have their own ids. */
function prefixed(transition: string, errors: Record<string, string>) {
	return Object.fromEntries(
		Object.entries(errors).map(([k, v]) => [k === 'form' ? k : `${transition}-${k}`, v])
	);
}

export const actions: Actions = {
	transition: async ({ params, locals, request, url }) => {
		idParam('uuid', params.id);
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const transition = form.text('transition').slice(0, 20);
		const values = {
			transition,
			expected: form.text('expected'),
			reason: form.text('reason'),
			outcome: form.text('outcome'),
			feedback: form.text('feedback')
		};
		const result = await changeStatus(referralDeps(await app()), locals.user, params.id, values);
		if (result.ok) return { done: 'referral_status_saved' };
		const errors = prefixed(/^[a-z]+$/.test(transition) ? transition : 'x', result.errors ?? {});
		return failForm({ ...result, errors }, values, { transition });
	},
	message: async ({ params, locals, request, url }) => {
		idParam('uuid', params.id);
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const body = form.text('body');
		const result = await postMessage(noticeDeps(await app()), locals.user, params.id, { body });
		return result.ok ? { done: 'referral_message_sent' } : failForm(result, { body });
	}
};
