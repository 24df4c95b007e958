import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { postOpportunity, resolveSkills } from '#lib/server/opportunities/post.ts';
import { workplaces } from '#lib/server/organisations/access.ts';
import { countryOptions, languageOptions } from '#lib/members/codes.ts';
import { opportunityInput, opportunityValues } from '#lib/opportunities/form-values.ts';
import { splitSkillLines } from '#lib/opportunities/forms.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const locale = getLocale();
	return {
		countries: countryOptions(locale),
		languages: languageOptions(locale),
		organisations: await workplaces(database.db, locals.user),
		language: locale
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const values = opportunityValues((await readForm(request)).text);
		const input = opportunityInput(values);
		const s = await app();
		const result = await postOpportunity(noticeDeps(s), locals.user, input, {
			organisation: values.organisation || undefined
		});
		if (!result.ok) {
			// Lines that name no ESCO skill, with the closest label to offer.
			const lines = [
				...(result.errors?.required ? splitSkillLines(input.required) : []),
				...(result.errors?.optional ? splitSkillLines(input.optional) : [])
			];
			const { unknown } = await resolveSkills(s.database.db, lines, getLocale());
			return failForm(result, values, { unknown });
		}
		redirect(303, localizeHref(`/opportunities/${result.value.id}?posted=1`));
	}
};
