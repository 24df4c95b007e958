// Merges new interface strings into messages/{en,fr,es,ar}.json in one quick read-modify-write:
//   node scripts/add-messages.js FILE.json   where FILE is {"key": {"en": "…", "fr": "…", "es": "…", "ar": "…"}}
// Every key must come in all four languages; existing keys are replaced.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCALES = ['en', 'fr', 'es', 'ar'];
const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [key, values] of Object.entries(input)) {
	if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`Bad key: ${key}`);
	for (const l of LOCALES)
		if (typeof values[l] !== 'string' || !values[l]) throw new Error(`${key} lacks ${l}`);
}
for (const l of LOCALES) {
	const file = `messages/${l}.json`;
	const messages = JSON.parse(readFileSync(file, 'utf8'));
	for (const [key, values] of Object.entries(input)) messages[key] = values[l];
	writeFileSync(file, JSON.stringify(messages, null, '\t') + '\n');
}
console.log(`${Object.keys(input).length} keys merged into ${LOCALES.length} languages.`);
