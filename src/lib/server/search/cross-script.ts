import anyAscii from 'any-ascii';

/**
 * Names across scripts: "Sara" finds "سارة", "محمد" finds "Mohammed Al-Haddad", "حداد" finds
 * "Haddad". Each name token is also indexed as a consonant skeleton of its Latin transliteration
 * (any-ascii), tagged with the token's script; a query token then also matches the skeletons of
 * names written in the other script. Only across scripts: within one script the trigram typo
 * match already finds "Mohamed" for "Mohammed", and skeletons there would only add noise ("Sara"
 * would find "Sory"). Decision 0020.
 *
 * The skeleton folds what romanisations of Arabic names disagree on: vowels (Arabic writes the
 * short ones not at all), doubled letters, y and w after the first letter (ي and و are also long
 * vowels), a final h (ة), the article (ال, al-, el-) and French spellings (ch, dj). Changing them
 * means raising SEARCH_DATA_VERSION (search-data.ts).
 */

/** The index tokens start with this; the letter after it is the script of the name token. */
const MARK = 'qq';
const LATIN = 'l';
const OTHER = 'x';
const ARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ar', 'as', 'at', 'ash', 'an', 'az']);

function isLatin(token: string) {
	return /^[\p{Script=Latin}\p{N}]+$/u.test(token);
}

/** The consonant skeleton of one searchKey token ('' when nothing is left to compare). */
export function skeleton(token: string): string {
	let t = token;
	if (t.startsWith('ال') && t.length > 3) t = t.slice(2);
	let a = anyAscii(t)
		.toLowerCase()
		.replace(/[^a-z]/g, '');
	if (isLatin(token) && ARTICLES.has(a)) return '';
	a = a
		.replace(/ph/g, 'f')
		.replace(/dj/g, 'j')
		.replace(/ch/g, 'sh')
		.replace(/q/g, 'k')
		.replace(/c/g, 'k');
	if (!a) return '';
	const head = /[aeiou]/.test(a[0]) ? '' : a[0];
	return (head + a.slice(1).replace(/[aeiouyw]/g, ''))
		.replace(/(.)\1+/g, '$1')
		.replace(/(.)h$/, '$1');
}

function tag(token: string) {
	return isLatin(token) ? LATIN : OTHER;
}

/** What a name adds to its search text: one tagged skeleton per token that has one. */
export function crossScriptTokens(nameKey: string): string[] {
	const out = new Set<string>();
	for (const token of nameKey.split(' ')) {
		if (!token || /^\p{N}+$/u.test(token)) continue;
		const s = skeleton(token);
		if (s) out.add(MARK + tag(token) + s);
	}
	return [...out];
}

/** The skeleton token a query token also matches: names of the other script that sound alike. */
export function crossScriptAlternative(token: string): string | null {
	if (/^\p{N}+$/u.test(token)) return null;
	const s = skeleton(token);
	if (!s) return null;
	return MARK + (tag(token) === LATIN ? OTHER : LATIN) + s;
}

/**
 * The directory's tsquery: every token by prefix, or (a name token) by its skeleton in the other
 * script: "sara" → `(sara:* | qqxsr)`.
 */
export function namesQuery(tokens: string[]): string {
	return tokens
		.map((t) => {
			const alt = crossScriptAlternative(t);
			return alt ? `(${t}:* | ${alt})` : `${t}:*`;
		})
		.join(' & ');
}
