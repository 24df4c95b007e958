import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { answerAsPerson, referralByToken } from '#lib/server/referrals/person-confirmation.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { signInFirst } from '#lib/http/next-path.ts';

/** The page behind the link sent to a referred person: "this is me" or "not me". */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	if (url.searchParams.has('answered')) return { answered: true as const };
	const { database } = await app();
	const found = await referralByToken(database.db, locals.user, params.token, getLocale());
	if (!found) error(404, 'Not found');
	return { answered: false as const, signedIn: !!locals.user, ...found };
};

export const actions: Actions = {
	default: async ({ params, locals, request, url }) => {
		const form = await readForm(request);
		const answer = form.text('answer') === 'me' ? 'me' : 'not_me';
		if (answer === 'me' && !locals.user) redirect(303, signInFirst(url));
		const { database } = await app();
		const result = await answerAsPerson(database.db, locals.user, { token: params.token }, answer);
		if (result.ok)
			redirect(
				303,
				answer === 'me'
					? localizeHref(`/referrals/${result.value.id}`)
					: localizeHref(`/referrals/claim/${params.token}?answered`)
			);
		return failForm(result);
	}
};
