import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { directoryQuery } from '#lib/members/directory.ts';
import { PROFILE_FIELDS, type ProfileInput } from '#lib/members/profile.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { user } from '../accounts/schema.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { emptyProfile, writeProfile } from './save-profile.ts';
import { memberNameToken, memberSearch } from './schema.ts';
import { searchMembers } from './search-members.ts';

const everyFieldPublic = Object.fromEntries(
	Object.keys(PROFILE_FIELDS).map((k) => [k, 'public'])
) as ProfileInput['visibility'];

describe.each(DATABASES)('the directory search index on $kind', (target) => {
	let s: AppContext;
	const member = { id: 'viewer', roles: ['member' as const] };
	const ids: Record<string, string> = {};
	beforeAll(async () => {
		s = await testServices(target);
		for (const [key, name, extra] of [
			['diallo', 'Mohamed Diallo', {}],
			['haddad', 'Mohammed Al-Haddad', {}],
			['helene', 'Hélène Mbarga', { city: 'Lyon' }],
			['teacher', 'Amina Teach', { headline: 'Teacher of French' }]
		] as const)
			ids[key] = (await buildProfile(s, { name, ...extra })).id;
		// Many namesakes, past the point where totals are counted exactly.
		const many = Array.from({ length: 230 }, (_, i) => ({
			id: `zora-${String(i).padStart(3, '0')}`,
			name: `Zora Namesake ${String(i).padStart(3, '0')}`,
			email: `zora-${i}@example.org`
		}));
		await s.database.db.insert(user).values(many);
		for (const m of many)
			await writeProfile(s.database.db, m.id, {
				...emptyProfile(m.name, 'en'),
				listed: 'public',
				visibility: everyFieldPublic
			});
	});
	afterAll(() => s.database.close());

	const search = (q: Record<string, string>, actor: typeof member | null = null) =>
		searchMembers(s.database.db, actor, directoryQuery.parse(q));
	const ids_ = async (q: Record<string, string>, actor: typeof member | null = null) =>
		(await search(q, actor)).items.map((i) => i.id);

	it('finds a name with a typo, after the names that start with the query', async () => {
		expect(await ids_({ q: 'mohamed' })).toEqual([ids.diallo, ids.haddad]);
		expect(await ids_({ q: 'mohammad haddad' })).toEqual([ids.haddad]);
		expect(await ids_({ q: 'helen mbarga' })).toEqual([ids.helene]);
		expect(await ids_({ q: 'mbraga' })).toEqual([]);
	});

	it('matches every word by its start, in any order, and other fields after names', async () => {
		expect(await ids_({ q: 'mba hel' })).toEqual([ids.helene]);
		expect(await ids_({ q: 'mo' })).toEqual([ids.diallo, ids.haddad]);
		expect(await ids_({ q: 'teach' })).toEqual([ids.teacher]);
		expect(await ids_({ q: 'ly' })).toEqual([ids.helene]);
	});

	it('counts exactly when few match, and gives a floor past the cap', async () => {
		const few = await search({ q: 'mohamed' });
		expect(few).toMatchObject({ total: 2, totalIsLowerBound: false });
		const many = await search({ q: 'zora' });
		expect(many.totalIsLowerBound).toBe(true);
		expect(many.total).toBeGreaterThanOrEqual(200);
		expect(many.total).toBeLessThanOrEqual(230);
		expect(many.items.map((i) => i.name)).toEqual(
			Array.from({ length: 20 }, (_, i) => `Zora Namesake ${String(i).padStart(3, '0')}`)
		);
		const page3 = await search({ q: 'zora namesake', page: '3', per_page: '50' });
		expect(page3.items[0].name).toBe('Zora Namesake 100');
		expect(page3.items).toHaveLength(50);
		const browse = await search({});
		expect(browse).toMatchObject({ total: 234, totalIsLowerBound: false });
	});

	it('follows an edit at once: a new name, a hidden field, an unlisted profile', async () => {
		const { id } = await buildProfile(s, { name: 'Ilse Vorname', city: 'Graz' });
		expect(await ids_({ q: 'graz' })).toEqual([id]);
		const edited = {
			...emptyProfile('Ilse Nachname', 'en'),
			city: 'Graz',
			listed: 'members' as const,
			visibility: { ...everyFieldPublic, city: 'nobody' as const }
		};
		await writeProfile(s.database.db, id, edited);
		expect(await ids_({ q: 'vorname' }, member)).toEqual([]);
		expect(await ids_({ q: 'nachname' }, member)).toEqual([id]);
		expect(await ids_({ q: 'nachname' })).toEqual([]);
		expect(await ids_({ q: 'graz' }, member)).toEqual([]);
		await writeProfile(s.database.db, id, { ...edited, listed: 'nobody' });
		expect(await ids_({ q: 'nachname' }, member)).toEqual([]);
		const rows = await s.database.db.select().from(memberSearch).where(eq(memberSearch.userId, id));
		expect(rows).toEqual([]);
	});

	it('forgets an erased member: no search row, no name token', async () => {
		const { id } = await buildProfile(s, { name: 'Erwin Vanish' });
		expect(await ids_({ q: 'vanish' })).toEqual([id]);
		const tokens = () =>
			s.database.db.select().from(memberNameToken).where(eq(memberNameToken.userId, id));
		expect((await tokens()).length).toBeGreaterThan(0);
		expect((await deleteMyAccount({ db: s.database.db, storage: s.storage }, id)).ok).toBe(true);
		expect(await ids_({ q: 'vanish' })).toEqual([]);
		expect(await tokens()).toEqual([]);
		const rows = await s.database.db.select().from(memberSearch).where(eq(memberSearch.userId, id));
		expect(rows).toEqual([]);
	});
});
