import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { noticeDeps } from '#lib/server/app/context.ts';
import { createEvent } from '#lib/server/events/save.ts';
import { countryOptions } from '#lib/members/codes.ts';
import { eventValues } from '#lib/events/form-values.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** `?organisation=slug` or `?community=slug`: whom the event is for (checked when it is saved). */
function forWhom(url: URL) {
	return {
		organisation: parseId('slug', url.searchParams.get('organisation')) ?? undefined,
		community: parseId('slug', url.searchParams.get('community')) ?? undefined
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	return { countries: countryOptions(getLocale()), language: getLocale(), ...forWhom(url) };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const values = eventValues((await readForm(request)).text);
		const result = await createEvent(noticeDeps(await app()), locals.user, values, forWhom(url));
		if (!result.ok) return failForm(result, values);
		redirect(303, localizeHref(`/events/${result.value.id}?created=1`));
	}
};
