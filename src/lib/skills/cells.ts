import * as m from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { countryName, languageName } from '#lib/members/codes.ts';
import type { SkillEntryKind } from './forms.ts';

/** An entry of a skills profile as the page and the PDF show it. */
export type ShownEntry = {
	kind: SkillEntryKind;
	labels: Record<string, string>;
	title: string | null;
	place: string | null;
	country: string | null;
	started: string | null;
	ended: string | null;
	language: string | null;
	level: string | null;
};

/** A CEFR level, or "first language", in a language. */
export function levelText(level: string | null, locale: Locale) {
	return level === 'native' ? m.skills_level_native({}, { locale }) : (level ?? '');
}

/** `2021-09 – ongoing`, or the one month given. */
export function monthsText(e: { started: string | null; ended: string | null }, locale: Locale) {
	return e.started
		? `${e.started} – ${e.ended ?? m.skills_ongoing({}, { locale })}`
		: (e.ended ?? '');
}

/**
 * The parts of one entry in one language: ESCO labels, country, language names and levels are
 * translated; what the person wrote stays as written.
 */
export function entryCells(e: ShownEntry, locale: Locale): string[] {
	switch (e.kind) {
		case 'occupation':
		case 'skill':
			return [e.labels[locale] ?? ''];
		case 'language':
			return [e.language ? languageName(e.language, locale) : '', levelText(e.level, locale)];
		default:
			return [
				e.title ?? '',
				e.place ?? '',
				e.country ? countryName(e.country, locale) : '',
				monthsText(e, locale)
			].filter(Boolean);
	}
}
