import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { addSkillEntry, readSkillsProfile, removeSkillEntry } from '#lib/server/skills/profile.ts';
import {
	consentsOf,
	grantSkillsConsent,
	mayFillFor,
	withdrawSkillsConsent
} from '#lib/server/skills/consent.ts';
import { searchEsco } from '#lib/server/esco/search-esco.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import type { Db } from '#lib/server/db/client.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { parseId } from '#lib/http/ids.ts';
import { countryOptions, languageOptions } from '#lib/members/codes.ts';
import { hostLanguage } from '#lib/skills/host-language.ts';
import { getLocale, isLocale } from '#lib/paraglide/runtime.js';

const FIELDS = ['uri', 'title', 'place', 'country', 'started', 'ended', 'language', 'level'];

type Who = { userId: string; name: string; until: Date | null; delegate: boolean };

/**
 * Whose profile this is: the member's own, or (`for`) that of a person who let the actor's
 * organisation fill it with them, while that consent runs; anyone else's is not found.
 */
async function whose(db: Db, actor: NonNullable<App.Locals['user']>, asked: string | null) {
	const other = asked ? parseId('id', asked) : null;
	if (!other || other === actor.id)
		return { userId: actor.id, name: actor.name, until: null, delegate: false } as Who;
	const may = await mayFillFor(db, actor, other);
	if (!may) error(404, 'Not found');
	return { userId: other, name: may.name, until: may.until, delegate: true } as Who;
}

/** A member's own skills profile, in their language and another side by side; adding and removing. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const db = database.db;
	const locale = getLocale();
	const who = await whose(db, locals.user, url.searchParams.get('for'));
	const person = await findProfileRow(db, who.userId);
	const asked = url.searchParams.get('beside') ?? '';
	const beside =
		isLocale(asked) && asked !== locale ? asked : hostLanguage(person?.residenceCountry, locale);
	const profile = await readSkillsProfile(
		db,
		locals.user,
		who.userId,
		[locale, beside],
		who.delegate
	);
	const find = (url.searchParams.get('find') ?? '').trim().slice(0, 100);
	const findKind = url.searchParams.get('kind') === 'skill' ? 'skill' : 'occupation';
	const held = new Set(
		[...(profile?.occupation ?? []), ...(profile?.skill ?? [])].map((e) => e.escoUri)
	);
	const found = find
		? (await searchEsco(db, find, { language: locale, kind: findKind, limit: 10 })).filter(
				(h) => !held.has(h.uri)
			)
		: [];
	return {
		profile: profile!,
		locale,
		beside,
		find,
		findKind,
		found: found.map((h) => ({ uri: h.uri, label: h.label, language: h.language })),
		countries: countryOptions(locale),
		languages: languageOptions(locale),
		for: who.delegate ? { id: who.userId, name: who.name, until: who.until } : null,
		consents: who.delegate ? [] : await consentsOf(db, locals.user.id)
	};
};

export const actions: Actions = {
	add: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const { database } = await app();
		const who = await whose(database.db, locals.user, text('for') || null);
		const kind = text('kind');
		const values = Object.fromEntries(FIELDS.map((f) => [f, text(f)]));
		const result = await addSkillEntry(database.db, locals.user, kind, values, who);
		if (!result.ok) return failForm(result, values, { kind });
		return { added: kind };
	},
	remove: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const { database } = await app();
		const who = await whose(database.db, locals.user, text('for') || null);
		const result = await removeSkillEntry(database.db, locals.user, text('id'), who);
		if (!result.ok) return failForm(result);
		return { removed: true };
	},
	consent: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const { database } = await app();
		const values = { organisation: text('organisation') };
		const result = await grantSkillsConsent(database.db, locals.user, values.organisation);
		if (!result.ok) return failForm(result, values, { kind: 'consent' });
		return { consented: result.value.organisation };
	},
	withdraw: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const { text } = await readForm(request);
		const { database } = await app();
		const result = await withdrawSkillsConsent(database.db, locals.user, text('id'));
		if (!result.ok) return failForm(result);
		return { withdrawn: true };
	}
};
