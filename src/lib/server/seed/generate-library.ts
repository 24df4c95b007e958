import { sql } from 'drizzle-orm';
import { LIBRARY_THEMES, RESOURCE_KINDS } from '#lib/library/forms.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { resource } from '../library/schema.ts';
import { moderationHold } from '../moderation/schema.ts';
import { searchKey } from '../search/normalise.ts';
import { idFor, picker, random } from './random.ts';

const COUNTRIES = ['FR', 'ES', 'JO', 'SN', 'MA', 'CO', 'IE', 'DE', 'IT', 'GB', null, null];
/** Words of titles and descriptions, in the four languages, so searches meet realistic lists. */
const WORDS: Record<string, string[]> = {
	en: 'guide rights housing rent doctor clinic vaccine school enrol job interview contract wage tax bank account phone scam password benefits asylum permit visa family reunion child care language course library help office appointment'.split(
		' '
	),
	fr: 'guide droits logement loyer médecin vaccin école inscription emploi entretien contrat salaire impôts banque compte téléphone arnaque mot passe allocations asile titre séjour famille enfants langue cours aide bureau rendez-vous'.split(
		' '
	),
	es: 'guía derechos vivienda alquiler médico vacuna escuela matrícula empleo entrevista contrato salario impuestos banco cuenta teléfono estafa contraseña ayudas asilo permiso residencia familia niños idioma curso ayuda oficina cita'.split(
		' '
	),
	ar: 'دليل حقوق سكن إيجار طبيب لقاح مدرسة تسجيل عمل مقابلة عقد راتب ضرائب بنك حساب هاتف احتيال كلمة مرور مساعدات لجوء إقامة تأشيرة أسرة أطفال لغة دورة مساعدة مكتب موعد'.split(
		' '
	)
};

export type GenerateLibraryOptions = { resources: number; seed?: number };

/**
 * Library resources for benchmarks: links and documents (no stored files) by generated members
 * (`gen-…`), in the four languages, one in ten still waiting for a moderator; written directly,
 * marked as example content, deterministic from the seed. A second run adds nothing.
 */
export async function generateLibrary(
	db: Db,
	opts: GenerateLibraryOptions,
	log: (line: string) => void = () => {}
) {
	const seed = opts.seed ?? 42;
	const rnd = random(seed + 23);
	const pick = picker(rnd);
	const first = idFor(seed, 'resource', 0);
	const [done] = rowsOf(await db.execute(sql`select 1 from resource where id = ${first}`));
	if (done || !opts.resources) return { resources: 0, waiting: 0 };
	const people = rowsOf<{ id: string }>(
		await db.execute(sql`select id from "user" where id like 'gen-%' order by id limit 5000`)
	).map((r) => r.id);
	const now = Date.now();
	let waiting = 0;
	for (let i = 0; i < opts.resources; i += 1000) {
		const rows = Array.from({ length: Math.min(1000, opts.resources - i) }, (_, k) => {
			const n = i + k;
			const language = pick(['en', 'fr', 'es', 'ar'] as const);
			const words = WORDS[language];
			const phrase = (count: number) => Array.from({ length: count }, () => pick(words)).join(' ');
			const title = `${phrase(4)} ${n + 1}`;
			const description = `${phrase(18)}.`;
			const kind = pick(RESOURCE_KINDS);
			const themes = [...new Set([pick(LIBRARY_THEMES), pick(LIBRARY_THEMES)])];
			return {
				id: idFor(seed, 'resource', n),
				kind,
				title,
				description,
				language,
				themes,
				country: pick(COUNTRIES),
				url: `https://example.org/resources/${n + 1}`,
				translationGroup: idFor(seed, 'resource', n - (n % 3)),
				contributorId: people.length ? pick(people) : null,
				downloads: Math.floor(rnd() * 500),
				search: sql`to_tsvector('simple', ${`${searchKey(title)} ${searchKey(description)}`})`,
				createdAt: new Date(now - n * 600_000),
				demo: true
			};
		});
		await db.insert(resource).values(rows);
		const held = rows
			.filter(() => rnd() < 0.1)
			.map((r) => ({ kind: 'resource' as const, subjectId: r.id }));
		if (held.length) await db.insert(moderationHold).values(held).onConflictDoNothing();
		waiting += held.length;
		if (i % 10_000 === 0) log(`resources ${i + rows.length}/${opts.resources}`);
	}
	return { resources: opts.resources, waiting };
}
