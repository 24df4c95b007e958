import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { createReferral, referableService } from '#lib/server/referrals/create-referral.ts';
import { referralDeps } from '#lib/server/referrals/deps.ts';
import { workplaces } from '#lib/server/organisations/access.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { languageOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { signInFirst } from '#lib/http/next-path.ts';

async function formContext(locals: App.Locals, serviceId: string) {
	const { database } = await app();
	const target = await referableService(database.db, serviceId.slice(0, 100), getLocale());
	if (!target) return { service: null, organisations: [] };
	const mine = await workplaces(database.db, locals.user);
	return {
		service: { id: target.id, name: target.name, organisation: target.organisationName },
		// One cannot refer to one's own organisation's service.
		organisations: mine
			.filter((o) => o.id !== target.organisationId)
			.map((o) => ({ id: o.id, name: o.name }))
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, localizeHref(`/sign-in`));
	return {
		...(await formContext(locals, url.searchParams.get('service') ?? '')),
		languages: languageOptions(getLocale())
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const values = {
			serviceId: form.text('serviceId'),
			fromOrganisationId: form.text('fromOrganisationId'),
			name: form.text('name'),
			contact: form.text('contact'),
			language: form.text('language'),
			notes: form.text('notes'),
			shared: [
				...new Set(form.data.getAll('shared').filter((v): v is string => typeof v === 'string'))
			],
			purpose: form.text('purpose'),
			method: form.text('method'),
			agreed: form.text('agreed') === 'yes'
		};
		const deps = { ...referralDeps(await app()), locale: getLocale() };
		const result = await createReferral(deps, locals.user, values);
		if (result.ok) redirect(303, localizeHref(`/referrals/${result.value.id}?created=1`));
		return failForm(result, values);
	}
};
