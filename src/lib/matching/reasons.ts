import * as m from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { countryName, languageName } from '#lib/members/codes.ts';
import { levelText } from '#lib/skills/cells.ts';

/** A reason as data (matching/score.ts) — repeated here so pages need no server type. */
export type ReasonData =
	| { kind: 'essential'; have: number; total: number; missing: string[] }
	| { kind: 'optional'; have: number; total: number }
	| { kind: 'implied'; skill: string; occupation: string }
	| { kind: 'language'; code: string; level: string; has: string | null }
	| { kind: 'country'; code: string }
	| { kind: 'remote' }
	| { kind: 'shared-language'; code: string }
	| { kind: 'no-shared-language' }
	| { kind: 'time-zones'; hours: number };

const ORDER = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'];

/**
 * One reason in plain words, in the reader's language: "Essential skills: 5 of 7; missing: …".
 * `label` names an ESCO concept in that language.
 */
export function reasonSentence(r: ReasonData, locale: Locale, label: (uri: string) => string) {
	const o = { locale };
	const list = (uris: string[]) =>
		new Intl.ListFormat(locale, { type: 'conjunction' }).format(uris.map(label));
	switch (r.kind) {
		case 'essential':
			return r.missing.length
				? m.match_essential_missing(
						{ have: String(r.have), total: String(r.total), missing: list(r.missing.slice(0, 5)) },
						o
					)
				: m.match_essential({ have: String(r.have), total: String(r.total) }, o);
		case 'optional':
			return m.match_optional({ have: String(r.have), total: String(r.total) }, o);
		case 'implied':
			return m.match_implied({ skill: label(r.skill), occupation: label(r.occupation) }, o);
		case 'language': {
			const language = languageName(r.code, locale);
			const level = levelText(r.level, locale);
			if (!r.has) return m.match_language_missing({ language, level }, o);
			const enough = ORDER.indexOf(r.has) >= ORDER.indexOf(r.level);
			const has = levelText(r.has, locale);
			return enough
				? m.match_language_ok({ language, level, has }, o)
				: m.match_language_low({ language, level, has }, o);
		}
		case 'country':
			return m.match_country({ country: countryName(r.code, locale) }, o);
		case 'remote':
			return m.match_remote({}, o);
		case 'shared-language':
			return m.match_shared_language({ language: languageName(r.code, locale) }, o);
		case 'no-shared-language':
			return m.match_no_shared_language({}, o);
		case 'time-zones':
			return r.hours === 0
				? m.match_same_time_zone({}, o)
				: m.match_time_zone({ hours: String(r.hours) }, o);
	}
}

/** The ESCO concepts a list of reasons names, to label them in one query. */
export function reasonConcepts(reasons: ReasonData[]): string[] {
	return reasons.flatMap((r) =>
		r.kind === 'essential' ? r.missing : r.kind === 'implied' ? [r.skill, r.occupation] : []
	);
}
