import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { applyToProgramme, readProgramme } from '#lib/server/mentoring/programmes.ts';
import { resolveSkills } from '#lib/server/opportunities/post.ts';
import { splitSkillLines } from '#lib/opportunities/forms.ts';
import { countryOptions, languageOptions } from '#lib/members/codes.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { idParam } from '#lib/http/id-param.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

const ROWS = [0, 1, 2];
const FIELDS = ['role', 'goals', 'skills', 'country', 'utcOffset', 'availability', 'capacity'];

/** A programme: what it is, applying to it, and where the member stands in it. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const id = idParam('uuid', params.id);
	const { database } = await app();
	const found = await readProgramme(database.db, locals.user, id);
	if (!found) error(404, 'Not found');
	const locale = getLocale();
	const p = found.programme;
	return {
		id,
		title: p.title,
		kind: p.kind,
		language: p.language,
		status: p.status,
		html: found.html,
		organisation: found.organisation,
		application: found.application ? { role: found.application.role } : null,
		pair: found.pair,
		coordinator: found.tie.coordinator,
		mayApply: found.may('apply'),
		signedIn: !!locals.user,
		countries: found.may('apply') ? countryOptions(locale) : [],
		languages: found.may('apply') ? languageOptions(locale) : []
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = idParam('uuid', params.id);
		const { text } = await readForm(request);
		const values: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, text(f)]));
		for (const i of ROWS) {
			values[`need-${i}`] = text(`need-${i}`);
			values[`level-${i}`] = text(`level-${i}`);
		}
		const raw = {
			...values,
			languages: ROWS.map((i) => ({
				code: values[`need-${i}`],
				level: values[`level-${i}`]
			})).filter((l) => l.code || l.level),
			capacity: values.capacity || '1'
		};
		const { database } = await app();
		const result = await applyToProgramme(database.db, locals.user, id, raw);
		if (!result.ok) {
			const unknown = result.errors?.skills
				? (await resolveSkills(database.db, splitSkillLines(values.skills), getLocale())).unknown
				: [];
			return failForm(result, values, { unknown });
		}
		return { applied: true };
	}
};
