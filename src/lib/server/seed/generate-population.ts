import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { escoConcept } from '../esco/schema.ts';
import { memberProfile } from '../members/schema.ts';
import { organisation } from '../organisations/schema.ts';
import { searchData } from '../members/search-data.ts';
import { organisationSearch } from '../organisations/create-organisation.ts';
import { ORGANISATION_KINDS } from '#lib/members/organisation-kinds.ts';
import { FIELD_NAMES, type Visibility } from '#lib/members/profile.ts';

/** Deterministic pseudo-random numbers (mulberry32): the same seed builds the same population. */
export function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIRST = [
	'Amina',
	'Mohammed',
	'Hélène',
	'Lucía',
	'Nguyễn',
	'Olga',
	'Fatima',
	'José',
	'Aïcha',
	'Samuel',
	'Mariam',
	'Yusuf',
	'محمد',
	'فاطمة',
	'أحمد',
	'ليلى',
	'Ольга',
	'Иван',
	'秀英',
	'伟',
	'Priya',
	'Arjun',
	'Thandiwe',
	'Kwame',
	'Zoë',
	'Élodie',
	'Joaquín',
	'Tomás',
	'Nour',
	'Karim',
	'Sofía',
	'Dmitri',
	'Chiara',
	'Ngozi',
	'Ayşe',
	'Mehmet',
	'Wei',
	'Lin'
];
const LAST = [
	'Mbarga',
	'Al-Haddad',
	'Fernández',
	'Okafor',
	'Petrova',
	'Benali',
	'Ramírez',
	'Diallo',
	'Traoré',
	'Nguyen',
	'Haddad',
	'الحداد',
	'الخطيب',
	'حداد',
	'Иванова',
	'Петров',
	'王',
	'李',
	'Sharma',
	'Mensah',
	'Yılmaz',
	'Kowalski',
	'Silva',
	'Santos',
	'Quispe',
	'Mahmoud',
	'Rahimi',
	'Sow',
	'Diop',
	'Kamara',
	'Chen',
	'Osei',
	'Rossi',
	'Dubois',
	'Müller'
];
const COUNTRIES = [
	'SY',
	'AF',
	'UA',
	'VE',
	'SN',
	'MA',
	'NG',
	'CM',
	'PE',
	'VN',
	'CN',
	'IN',
	'ER',
	'SO',
	'CO',
	'TR',
	'PH',
	'DZ'
];
const HOSTS = [
	'FR',
	'DE',
	'ES',
	'IT',
	'BE',
	'JO',
	'LB',
	'TR',
	'US',
	'CA',
	'GB',
	'SE',
	'NL',
	'PL',
	'CL',
	'KE',
	'ZA',
	'IE'
];
const LANGS = [
	'ar',
	'fr',
	'es',
	'en',
	'uk',
	'ru',
	'fa',
	'ps',
	'wo',
	'ti',
	'so',
	'zh',
	'vi',
	'hi',
	'pt',
	'tr',
	'de',
	'it'
];
const CITIES = [
	'Lyon',
	'Madrid',
	'Berlin',
	'Amman',
	'Beyrouth',
	'Milano',
	'Bruxelles',
	'Toronto',
	'Dublin',
	'Malmö',
	'Kraków'
];
const INTERESTS = [
	'football',
	'cooking',
	'music',
	'coding',
	'gardening',
	'interpreting',
	'theatre',
	'entrepreneurship',
	'health',
	'teaching'
];
const BIO = [
	'Je suis arrivée en France il y a cinq ans et je travaille dans la santé.',
	'I help newcomers find work and learn the language.',
	'Trabajo como profesora y doy clases de español a personas recién llegadas.',
	'أعمل في مجال التعليم وأساعد العائلات الجديدة على الاندماج.',
	'Я инженер и помогаю мигрантам найти работу.',
	'我在这里学习语言，也帮助新来的朋友。'
];
const VISIBILITY: Visibility[] = ['public', 'public', 'members', 'members', 'members', 'nobody'];

export type GenerateOptions = {
	members: number;
	organisations: number;
	seed?: number;
	batch?: number;
};

/** Adds a synthetic population for benchmarks and demos; ids are prefixed `gen-` so runs are idempotent. */
export async function generatePopulation(
	db: Db,
	opts: GenerateOptions,
	log: (line: string) => void = () => {}
) {
	const rnd = random(opts.seed ?? 42);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const batch = opts.batch ?? 1000;
	const esco = (
		await db
			.select({ uri: escoConcept.uri, label: escoConcept.preferredLabel })
			.from(escoConcept)
			.limit(400)
	).filter((_, i) => i % 2 === 0);
	for (let start = 0; start < opts.members; start += batch) {
		const users: (typeof user.$inferInsert)[] = [];
		const profiles: Record<string, unknown>[] = [];
		for (let i = start; i < Math.min(opts.members, start + batch); i++) {
			const id = `gen-${String(i).padStart(7, '0')}`;
			const name = `${pick(FIRST)} ${pick(LAST)}`;
			const visibility = Object.fromEntries(
				FIELD_NAMES.map((f) => [f, pick(VISIBILITY)])
			) as Record<string, Visibility>;
			const expertise = esco.length ? [pick(esco), pick(esco)] : [];
			const p = {
				headline: pick([
					'Nurse',
					'Engineer',
					'Teacher',
					'Interpreter',
					'Cook',
					'Developer',
					'Lawyer',
					'Driver'
				]),
				city: pick(CITIES),
				bio: pick(BIO),
				residenceCountry: pick(HOSTS),
				originCountries: [pick(COUNTRIES)],
				languages: [
					{ code: pick(LANGS), level: 'fluent' as const },
					{ code: pick(LANGS), level: 'basic' as const }
				],
				expertise: [...new Set(expertise.map((e) => e.uri))],
				interests: [pick(INTERESTS)]
			};
			const derived = searchData({
				name,
				...p,
				expertiseLabels: expertise.map((e) => e.label),
				visibility
			});
			users.push({
				id,
				name,
				email: `${id}@generated.invalid`,
				emailVerified: true,
				locale: pick(['en', 'fr', 'es', 'ar'])
			});
			profiles.push({
				userId: id,
				...p,
				contentLocale: 'en',
				listed: pick(['public', 'public', 'members', 'nobody'] as const),
				visibility,
				nameKey: derived.nameKey,
				searchPublic: sql`to_tsvector('simple', ${derived.publicText})`,
				searchMembers: sql`to_tsvector('simple', ${derived.membersText})`,
				facetsPublic: derived.facetsPublic,
				facetsMembers: derived.facetsMembers
			});
		}
		await db.transaction(async (tx) => {
			await tx.insert(user).values(users).onConflictDoNothing();
			// Rows carry SQL expressions (to_tsvector) where the column type says string.
			await tx
				.insert(memberProfile)
				.values(profiles as never)
				.onConflictDoNothing();
		});
		log(`members ${Math.min(opts.members, start + batch)}/${opts.members}`);
	}
	for (let start = 0; start < opts.organisations; start += batch) {
		const rows: Record<string, unknown>[] = [];
		for (let i = start; i < Math.min(opts.organisations, start + batch); i++) {
			const name = `${pick(['Association', 'Red', 'جمعية', 'Maison', 'Network', 'Centro'])} ${pick(LAST)} ${i}`;
			const description = pick(BIO);
			rows.push({
				id: `gen-org-${String(i).padStart(6, '0')}`,
				slug: `gen-org-${i}`,
				name,
				kind: pick(ORGANISATION_KINDS),
				description,
				countries: [pick(HOSTS), pick(COUNTRIES)],
				status: 'approved' as const,
				...organisationSearch(name, description)
			});
		}
		await db
			.insert(organisation)
			.values(rows as never)
			.onConflictDoNothing();
		log(`organisations ${Math.min(opts.organisations, start + batch)}/${opts.organisations}`);
	}
	for (const table of ['member_profile', 'organisation', 'user'])
		await db.execute(sql.raw(`analyze "${table}"`));
}
