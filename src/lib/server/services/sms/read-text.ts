import { searchKey } from '../../search/normalise.ts';
import {
	helpCommand,
	LINK_WORDS,
	moreCommand,
	needsOfWord,
	SMS_LOCALES,
	type SmsLocale
} from './keywords.ts';

/** What a text asks for, before any town is looked up. */
export type TextRequest =
	| { kind: 'more'; locale: SmsLocale | null }
	| { kind: 'help'; locale: SmsLocale }
	| { kind: 'search'; locale: SmsLocale; need: string | null; town: string; typed: string };

const ARABIC = /\p{Script=Arabic}/u;

/**
 * Reads "HEALTH DAKAR", "logement à Lyon", "قانوني باريس": the need its words name (at most one,
 * the first), the rest as the town, and the language the need word belongs to. A word that is a
 * need in several languages ("legal", "social") takes the language the other words agree on, then
 * the script, then English. Without a town, or with neither a need nor a town, it is a request for
 * help.
 */
export function readText(text: string): TextRequest {
	const key = searchKey(text.slice(0, 320));
	const script: SmsLocale | null = ARABIC.test(text) ? 'ar' : null;
	const more = moreCommand(key);
	if (more) return { kind: 'more', locale: more };
	const help = helpCommand(key);
	if (help || !key) return { kind: 'help', locale: help ?? script ?? 'en' };

	const words = key.split(' ');
	// The same words as typed, to name an unknown town back as the person wrote it.
	const typed = text
		.slice(0, 320)
		.normalize('NFC')
		.split(/[^\p{L}\p{N}\p{M}]+/u)
		.filter(Boolean);
	const asTyped = typed.length === words.length ? typed : words;
	let need: string | null = null;
	const votes = new Map<SmsLocale, number>();
	const rest: number[] = [];
	for (const [i, word] of words.entries()) {
		const entries = needsOfWord(word);
		if (entries.length && need === null) {
			need = entries[0].need;
			for (const e of entries.filter((e) => e.need === need))
				votes.set(e.locale, (votes.get(e.locale) ?? 0) + 1);
			continue;
		}
		if (entries.length) {
			for (const e of entries) votes.set(e.locale, (votes.get(e.locale) ?? 0) + 0.5);
			continue;
		}
		const greeting = helpCommand(word);
		if (greeting) {
			votes.set(greeting, (votes.get(greeting) ?? 0) + 0.5);
			continue;
		}
		rest.push(i);
	}
	while (rest.length && LINK_WORDS.has(words[rest[0]])) rest.shift();
	while (rest.length && LINK_WORDS.has(words[rest[rest.length - 1]])) rest.pop();
	const ranked = SMS_LOCALES.filter((l) => votes.has(l)).sort(
		(a, b) =>
			(votes.get(b) ?? 0) - (votes.get(a) ?? 0) || (a === script ? -1 : b === script ? 1 : 0)
	);
	const locale = ranked[0] ?? script ?? 'en';
	if (!rest.length) return { kind: 'help', locale };
	return {
		kind: 'search',
		locale,
		need,
		town: rest.map((i) => words[i]).join(' '),
		typed: rest.map((i) => asTyped[i]).join(' ')
	};
}
