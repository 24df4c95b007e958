import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { seedEsco } from '../esco/seed-esco.ts';
import { exportMyData } from '../privacy/export-my-data.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { addSkillEntry, readSkillsProfile, removeSkillEntry } from './profile.ts';
import { skillEntry } from './schema.ts';
import { skillsPdf } from './skills-pdf.ts';
import {
	consentsOf,
	grantSkillsConsent,
	mayFillFor,
	peopleWhoConsented,
	withdrawSkillsConsent
} from './consent.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { auditLog } from '../platform/schema.ts';
import { readPdf } from '../../../../tests/support/pdf.ts';

const NURSE = 'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50';
const SKILL = 'http://data.europa.eu/esco/skill/0b472dad-1a3f-456e-99ba-de5ffe8665c2';

describe.each(DATABASES)('skills profiles on $kind', (target) => {
	let s: AppContext;
	type A = Awaited<ReturnType<typeof buildActor>>;
	let amina: A, bruno: A, adviser: A;

	beforeAll(async () => {
		s = await testServices(target);
		await seedEsco(s.database.db);
		[amina, bruno, adviser] = await Promise.all(
			['Amina', 'Bruno', 'Adviser'].map((name) => buildActor(s, { name }))
		);
	});
	afterAll(() => s.database.close());

	const add = (who: Actor, kind: string, values: Record<string, string>) =>
		addSkillEntry(s.database.db, who, kind, values);

	it('keeps occupations, skills, qualifications, experience and languages, labelled side by side', async () => {
		expect(await add(amina, 'occupation', { uri: NURSE })).toMatchObject({ ok: true });
		expect(await add(amina, 'skill', { uri: SKILL })).toMatchObject({ ok: true });
		// The same concept twice is one entry; a language again takes its new level.
		const again = await add(amina, 'occupation', { uri: NURSE });
		expect(await add(amina, 'language', { language: 'fr', level: 'B1' })).toMatchObject({
			ok: true
		});
		expect(await add(amina, 'language', { language: 'FR', level: 'B2' })).toMatchObject({
			ok: true
		});
		expect(
			await add(amina, 'experience', {
				title: 'Auxiliaire de soins',
				place: 'Hôpital de Thiès',
				country: 'sn',
				started: '2015-03',
				ended: '2019-08'
			})
		).toMatchObject({ ok: true });
		expect(
			await add(amina, 'qualification', { title: 'Diplôme d’État d’infirmier', ended: '2014-07' })
		).toMatchObject({ ok: true });
		const p = await readSkillsProfile(s.database.db, amina, amina.id, ['fr', 'en']);
		if (!p) throw new Error('no profile');
		expect(p.occupation).toHaveLength(1);
		expect(again).toEqual({ ok: true, value: { id: p.occupation[0].id } });
		expect(p.occupation[0].labels.en).toBe('nurse responsible for general care');
		// No French ESCO loaded here: English stands in, never an empty cell.
		expect(p.occupation[0].labels.fr).toBe('nurse responsible for general care');
		expect(p.language).toMatchObject([{ language: 'fr', level: 'B2' }]);
		expect(p.experience).toMatchObject([
			{ title: 'Auxiliaire de soins', country: 'SN', started: '2015-03', ended: '2019-08' }
		]);
		expect(p.qualification).toMatchObject([
			{ title: 'Diplôme d’État d’infirmier', ended: '2014-07' }
		]);
		// Only its owner reads it.
		expect(await readSkillsProfile(s.database.db, bruno, amina.id, ['en'])).toBeNull();
		expect(await readSkillsProfile(s.database.db, null, amina.id, ['en'])).toBeNull();
	});

	it('prints the profile in two languages side by side, Arabic too', async () => {
		const profile = await readSkillsProfile(s.database.db, amina, amina.id, ['fr', 'en']);
		if (!profile) throw new Error('no profile');
		const made = { name: 'Amina Diallo', profile, madeOn: new Date('2026-12-04'), site: 'x.test' };
		const pdf = await readPdf(await skillsPdf(made, 'fr', 'en'));
		expect(pdf).toMatchObject({ pages: 1, lang: 'fr' });
		for (const text of [
			'Profil de compétences',
			'Skills profile',
			'Amina Diallo',
			'Métiers',
			'Occupations',
			'nurse responsible for general care',
			'Auxiliaire de soins · Hôpital de Thiès · Sénégal · 2015-03 – 2019-08',
			'Auxiliaire de soins · Hôpital de Thiès · Senegal · 2015-03 – 2019-08',
			'français · B2',
			'French · B2',
			'Établi le 4 décembre 2026 sur x.test',
			'Made on December 4, 2026 on x.test'
		])
			expect(pdf.text.replace(/\n/g, ' ')).toContain(text);
		const ar = await readSkillsProfile(s.database.db, amina, amina.id, ['ar', 'en']);
		const arabic = await readPdf(await skillsPdf({ ...made, profile: ar! }, 'ar', 'en'));
		expect(arabic).toMatchObject({ pages: 1, lang: 'ar' });
		expect(arabic.text).toContain('Skills profile');
		expect(arabic.text).toContain('Auxiliaire');
		expect(arabic.text).toMatch(/[\u0600-\u06FF]/u);
	});

	it('refuses what is wrong with a clear error, and stores nothing', async () => {
		const before = await s.database.db
			.select()
			.from(skillEntry)
			.where(eq(skillEntry.userId, bruno.id));
		const cases: [string, Record<string, string>, Record<string, string>][] = [
			['language', { language: 'fr', level: 'D1' }, { level: 'skills_error_level' }],
			['language', { language: 'xx', level: 'B1' }, { language: 'skills_error_language' }],
			[
				'skill',
				{ uri: 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000' },
				{ uri: 'skills_error_concept' }
			],
			['skill', { uri: NURSE }, { uri: 'skills_error_concept' }],
			['occupation', { uri: 'https://example.org/not-esco' }, { uri: 'skills_error_concept' }],
			['experience', { title: 'Cook', started: '2020-13' }, { started: 'skills_error_month' }],
			['experience', { title: 'Cook', started: '' }, { started: 'skills_error_month' }],
			[
				'experience',
				{ title: 'Cook', started: '2021-05', ended: '2020-01' },
				{ ended: 'skills_error_dates' }
			],
			[
				'experience',
				{ title: 'x'.repeat(1_000_000), started: '2021-05' },
				{ title: 'skills_error_title' }
			],
			['qualification', { title: 'Diploma', country: 'ZZ' }, { country: 'error_country_invalid' }]
		];
		for (const [kind, values, errors] of cases)
			expect(await add(bruno, kind, values), JSON.stringify(values).slice(0, 80)).toEqual({
				ok: false,
				kind: 'invalid',
				errors
			});
		expect(await add(bruno, 'hobby', { title: 'x' })).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		expect(await add(null, 'language', { language: 'fr', level: 'B1' })).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		const after = await s.database.db
			.select()
			.from(skillEntry)
			.where(eq(skillEntry.userId, bruno.id));
		expect(after).toEqual(before);
	});

	it('lets an adviser fill it with the person, with their consent, for three hours only', async () => {
		const db = s.database.db;
		await db
			.insert(organisation)
			.values({ id: 'org-adv', slug: 'conseil', name: 'Conseil', kind: 'ngo', status: 'approved' });
		await db.insert(organisationMember).values({
			organisationId: 'org-adv',
			userId: adviser.id,
			role: 'member',
			status: 'active'
		});
		const at = new Date('2027-02-01T09:00:00Z');
		const entry = { language: 'wo', level: 'native' };
		// Without consent: nothing.
		expect(await mayFillFor(db, adviser, amina.id, at)).toBeNull();
		expect(await grantSkillsConsent(db, amina, 'no-such-organisation', at)).toMatchObject({
			ok: false,
			errors: { organisation: 'skills_error_organisation' }
		});
		const granted = await grantSkillsConsent(db, amina, 'conseil', at);
		if (!granted.ok) throw new Error('not granted');
		expect(granted.value.expiresAt.toISOString()).toBe('2027-02-01T12:00:00.000Z');
		expect((await consentsOf(db, amina.id, at)).map((c) => c.organisation)).toEqual(['Conseil']);
		const later = new Date('2027-02-01T10:00:00Z');
		expect(await mayFillFor(db, adviser, amina.id, later)).toEqual({
			until: granted.value.expiresAt,
			name: 'Amina'
		});
		// Only the organisation's staff, not another member.
		expect(await mayFillFor(db, bruno, amina.id, later)).toBeNull();
		const added = await addSkillEntry(db, adviser, 'language', entry, {
			userId: amina.id,
			delegate: true
		});
		expect(added).toMatchObject({ ok: true });
		expect(
			await addSkillEntry(db, bruno, 'language', entry, { userId: amina.id, delegate: false })
		).toMatchObject({ ok: false, kind: 'forbidden' });
		const read = await readSkillsProfile(db, adviser, amina.id, ['en'], true);
		expect(read?.language.map((l) => l.language)).toContain('wo');
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'skills.add_for'), eq(auditLog.subjectId, amina.id)));
		expect(audit).toBeTruthy();
		// Three hours on, or once withdrawn, it is over.
		expect(await mayFillFor(db, adviser, amina.id, new Date('2027-02-01T12:00:01Z'))).toBeNull();
		expect((await withdrawSkillsConsent(db, bruno, granted.value.id, later)).ok).toBe(false);
		expect((await withdrawSkillsConsent(db, amina, granted.value.id, later)).ok).toBe(true);
		expect(await mayFillFor(db, adviser, amina.id, later)).toBeNull();
		expect(await peopleWhoConsented(db, adviser, 'conseil', later)).toMatchObject({ people: [] });
		expect(await peopleWhoConsented(db, bruno, 'conseil', later)).toBeNull();
	});

	it('removes an entry of one’s own only; comes with the data export; goes with the account', async () => {
		const made = await add(bruno, 'language', { language: 'ar', level: 'native' });
		if (!made.ok) throw new Error('not added');
		expect(await removeSkillEntry(s.database.db, amina, made.value.id)).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		expect((await exportMyData(s.database.db, bruno.id))?.skillsProfile).toMatchObject([
			{ kind: 'language', language: 'ar', level: 'native' }
		]);
		expect(await removeSkillEntry(s.database.db, bruno, made.value.id)).toEqual({
			ok: true,
			value: undefined
		});
		await add(bruno, 'language', { language: 'ar', level: 'native' });
		expect((await deleteMyAccount({ db: s.database.db, storage: s.storage }, bruno.id)).ok).toBe(
			true
		);
		expect(
			await s.database.db.select().from(skillEntry).where(eq(skillEntry.userId, bruno.id))
		).toEqual([]);
	});
});
