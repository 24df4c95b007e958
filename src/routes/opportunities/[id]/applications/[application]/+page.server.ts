import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import {
	decideApplication,
	messageApplication,
	readApplication,
	withdrawApplication
} from '#lib/server/opportunities/applications.ts';
import { hostLanguage } from '#lib/skills/host-language.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** One application, for the applicant and the poster's side: status, profile, conversation. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const id = idParam('uuid', params.application);
	const { database } = await app();
	const locale = getLocale();
	const me = await findProfileRow(database.db, locals.user.id);
	const beside = hostLanguage(me?.residenceCountry, locale);
	const found = await readApplication(database.db, locals.user, id, [locale, beside]);
	if (!found || found.application.opportunityId !== params.id) error(404, 'Not found');
	const a = found.application;
	return {
		id,
		opportunity: found.opportunity,
		applicant: found.applicant,
		kind: a.kind,
		message: a.message,
		status: a.status,
		declineReason: a.declineReason,
		createdAt: a.createdAt,
		shareProfile: a.shareProfile,
		profile: found.profile,
		beside,
		messages: found.messages.map((msg) => ({
			id: msg.id,
			body: msg.body,
			author: msg.author,
			mine: msg.authorId === locals.user!.id,
			createdAt: msg.createdAt
		})),
		mayDecide: found.may('decide'),
		mayWithdraw: found.may('withdraw'),
		sent: url.searchParams.get('sent') === '1'
	};
};

export const actions: Actions = {
	decide: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.application);
		const { text } = await readForm(request);
		const values = { status: text('status'), reason: text('reason') || undefined };
		const result = await decideApplication(noticeDeps(await app()), locals.user, id, values);
		if (!result.ok) return failForm(result, values);
		return { decided: result.value.status };
	},
	message: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.application);
		const { text } = await readForm(request);
		const values = { body: text('body') };
		const result = await messageApplication(noticeDeps(await app()), locals.user, id, values);
		if (!result.ok) return failForm(result, values);
		return { written: true };
	},
	withdraw: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.application);
		const { database } = await app();
		const result = await withdrawApplication(database.db, locals.user, id);
		if (!result.ok) return failForm(result);
		redirect(303, localizeHref(`/opportunities/${params.id}`));
	}
};
