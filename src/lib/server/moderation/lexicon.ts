import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { searchKey } from '../search/normalise.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { setting } from '../platform/schema.ts';
import { lexiconTerm } from './schema.ts';

export const LEXICON_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
const MAX_TERM = 100;
/** Terms longer than this many words are not matched (HurtLex's longest are four). */
const MAX_WORDS = 6;

/**
 * A lexicon file's terms: one per line (blank lines and `#` comments skipped), or HurtLex's TSV
 * (a header naming a `lemma` column). Keys are the search normalisation of each term.
 */
export function parseLexicon(text: string) {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const header = lines[0]?.split('\t') ?? [];
	const lemma = header.indexOf('lemma');
	const terms = (lemma >= 0 ? lines.slice(1).map((l) => l.split('\t')[lemma] ?? '') : lines)
		.map((t) => t.trim())
		.filter((t) => t && !t.startsWith('#') && t.length <= MAX_TERM);
	const byKey = new Map<string, string>();
	for (const term of terms) {
		const key = searchKey(term);
		if (key && key.split(' ').length <= MAX_WORDS && !byKey.has(key)) byKey.set(key, term);
	}
	return [...byKey].map(([key, term]) => ({ key, term }));
}

let cache: { at: number; keys: Map<string, string> } | null = null;
const CACHE_MS = 60_000;

/** Terms are read once a minute per instance: a lexicon loaded elsewhere applies within a minute. */
async function termKeys(db: Db | Tx) {
	if (cache && Date.now() - cache.at < CACHE_MS) return cache.keys;
	const rows = await db.select({ key: lexiconTerm.key, term: lexiconTerm.term }).from(lexiconTerm);
	cache = { at: Date.now(), keys: new Map(rows.map((r) => [r.key, r.term])) };
	return cache.keys;
}

/**
 * The lexicon terms a text contains, in every loaded language (a message in French may quote
 * Arabic): whole words and phrases of the normalised text, so "parasites" flags "Parasités" but
 * "grape" does not flag "rape".
 */
export async function lexiconMatches(db: Db | Tx, text: string): Promise<string[]> {
	const keys = await termKeys(db);
	if (!keys.size || !text) return [];
	const words = searchKey(text).split(' ').filter(Boolean);
	const found = new Set<string>();
	for (let i = 0; i < words.length; i++) {
		let phrase = '';
		for (let n = 0; n < MAX_WORDS && i + n < words.length; n++) {
			phrase = n ? `${phrase} ${words[i + n]}` : words[i];
			const term = keys.get(phrase);
			if (term) found.add(term);
		}
	}
	return [...found];
}

/** Loads a lexicon file's terms for a language; terms already there are kept. */
export async function importLexicon(
	db: Db,
	file: string,
	language: string,
	source = path.basename(file)
): Promise<Result<{ added: number; read: number }>> {
	if (!(LEXICON_LANGUAGES as readonly string[]).includes(language))
		return failure('invalid', { language: 'error_lexicon_language' });
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return failure('not_found', { file: 'error_lexicon_file' });
	}
	const terms = parseLexicon(text);
	let added = 0;
	await db.transaction(async (tx) => {
		for (let i = 0; i < terms.length; i += 1000) {
			const rows = await tx
				.insert(lexiconTerm)
				.values(terms.slice(i, i + 1000).map((t) => ({ ...t, language, source })))
				.onConflictDoNothing()
				.returning({ key: lexiconTerm.key });
			added += rows.length;
		}
	});
	cache = null;
	return ok({ added, read: terms.length });
}

/** The project's own short lists (static-data/lexicon), loaded once per database (a marker row). */
export async function seedLexicon(db: Db, dir = lexiconDir()) {
	const marked = await db
		.insert(setting)
		.values({ key: 'lexicon_seeded', value: { at: new Date().toISOString() } })
		.onConflictDoNothing()
		.returning({ key: setting.key });
	if (!marked.length) return 0;
	let added = 0;
	for (const language of LEXICON_LANGUAGES) {
		const result = await importLexicon(
			db,
			path.join(dir, `${language}.txt`),
			language,
			'passerelle'
		);
		if (result.ok) added += result.value.added;
	}
	return added;
}

export function lexiconDir() {
	return path.resolve(process.env.STATIC_DATA_DIR ?? 'static-data', 'lexicon');
}

/** For tests: forget the cached terms. */
export function forgetLexiconCache() {
	cache = null;
}
