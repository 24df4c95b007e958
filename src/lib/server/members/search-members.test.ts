import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { directoryQuery } from '#lib/members/directory.ts';
import { eq, sql } from 'drizzle-orm';
import { searchMembers } from './search-members.ts';
import { memberProfile } from './schema.ts';
import { profileSearchOutdated, refreshOutdatedProfileSearch } from './save-profile.ts';

describe.each(DATABASES)('directory search quality on $kind', (target) => {
	let s: AppContext;
	const ids: Record<string, string> = {};
	const member = { id: 'viewer', roles: ['member' as const] };
	beforeAll(async () => {
		s = await testServices(target);
		const people = [
			{ key: 'helene', name: 'Hélène Mbarga', residence: 'FR', origin: ['CM'], city: 'Lyon' },
			{ key: 'mohammed', name: 'Mohammed Al-Haddad', residence: 'DE', origin: ['SY'] },
			{ key: 'arabic', name: 'محمد الحداد', residence: 'JO', origin: ['SY'] },
			{ key: 'sara', name: 'سارة يوسف', residence: 'FR', origin: ['SY'] },
			{ key: 'djamila', name: 'Djamila Cherif', residence: 'FR', origin: ['DZ'] },
			{ key: 'olga', name: 'Ольга Петрова', residence: 'PL', origin: ['UA'] },
			{ key: 'chinese', name: '王秀英', residence: 'IT', origin: ['CN'] },
			{
				key: 'nguyen',
				name: 'Nguyễn Thị Lan',
				residence: 'FR',
				origin: ['VN'],
				interests: ['Interpreting']
			},
			{
				key: 'hiddenCity',
				name: 'Samira Haddou',
				residence: 'FR',
				city: 'Marseille',
				visibility: { city: 'nobody' as const }
			},
			{ key: 'membersOnly', name: 'Karim Benali', listed: 'members' as const, residence: 'BE' },
			{ key: 'unlisted', name: 'Secret Person', listed: 'nobody' as const, residence: 'FR' },
			{
				key: 'originForMembers',
				name: 'Aziz Rahimi',
				residence: 'SE',
				origin: ['AF'],
				visibility: { origin: 'members' as const }
			}
		];
		for (const { key, ...p } of people) ids[key] = (await buildProfile(s, p)).id;
	});
	afterAll(() => s.database.close());

	const find = async (q: Record<string, string>, actor: typeof member | null = null) =>
		(await searchMembers(s.database.db, actor, directoryQuery.parse(q))).items.map((i) => i.id);

	it.each([
		[{ q: 'helene' }, ['helene']],
		[{ q: 'HELENE mbarga' }, ['helene']],
		[{ q: 'hél' }, ['helene']],
		[{ q: 'Mohamed' }, ['mohammed']],
		[{ q: 'Mohammad Haddad' }, ['mohammed']],
		[{ q: 'محمد' }, ['arabic']],
		[{ q: 'ольга' }, ['olga']],
		[{ q: 'Петрова' }, ['olga']],
		[{ q: '王秀英' }, ['chinese']],
		[{ q: 'nguyen' }, ['nguyen']],
		[{ q: 'interpreting' }, ['nguyen']],
		[{ q: 'lyon' }, ['helene']],
		// names across scripts, by their transliteration's skeleton
		[{ q: 'Sara' }, ['sara']],
		[{ q: 'Sarah Youssef' }, ['sara']],
		[{ q: 'محمد' }, ['mohammed', 'arabic']],
		[{ q: 'Muhammad' }, ['arabic']],
		[{ q: 'حداد' }, ['mohammed', 'arabic']],
		[{ q: 'جميلة شريف' }, ['djamila']],
		[{ q: 'Olga' }, ['olga']],
		// typo tolerance still works beside it
		[{ q: 'Mohamad' }, ['mohammed']]
	])('%o finds %o', async (q, expected) => {
		const found = await find(q);
		for (const key of expected) expect(found).toContain(ids[key]);
	});

	it('never finds a member by a field they hid', async () => {
		expect(await find({ q: 'marseille' })).not.toContain(ids.hiddenCity);
		expect(await find({ q: 'marseille' }, member)).not.toContain(ids.hiddenCity);
		expect(await find({ q: 'samira' })).toContain(ids.hiddenCity);
	});

	it('shows members-only profiles and fields to members, not to visitors', async () => {
		expect(await find({ q: 'karim' })).not.toContain(ids.membersOnly);
		expect(await find({ q: 'karim' }, member)).toContain(ids.membersOnly);
		expect(await find({ origin: 'AF' })).not.toContain(ids.originForMembers);
		expect(await find({ origin: 'AF' }, member)).toContain(ids.originForMembers);
	});

	it('never lists a profile its owner keeps to themselves', async () => {
		expect(await find({ q: 'secret' }, member)).not.toContain(ids.unlisted);
		expect(await find({ residence: 'FR' }, member)).not.toContain(ids.unlisted);
	});

	it('filters by residence and origin together, and pages', async () => {
		const found = await find({ residence: 'FR', origin: 'VN' });
		expect(found).toEqual([ids.nguyen]);
		const page = await searchMembers(
			s.database.db,
			null,
			directoryQuery.parse({ residence: 'FR', per_page: '1' })
		);
		expect(page.items).toHaveLength(1);
		expect(page.total).toBeGreaterThanOrEqual(2);
	});

	it('does not find unrelated people', async () => {
		expect(await find({ q: 'helene' })).not.toContain(ids.mohammed);
		// skeletons cross scripts only: a Latin query does not match Latin names that merely sound alike
		expect(await find({ q: 'Sara' })).not.toContain(ids.hiddenCity);
		expect(await find({ q: 'Sara' })).not.toContain(ids.mohammed);
		expect(await find({ q: 'Sara' }, member)).not.toContain(ids.membersOnly);
		expect(await find({ q: 'zzzzqqq' })).toEqual([]);
	});

	it('derives again the search columns that older rules made, for members who never save again', async () => {
		const db = s.database.db;
		// as a profile saved before names crossed scripts: its name only, version 0
		const before = sql`to_tsvector('simple', 'ساره يوسف')`;
		await db
			.update(memberProfile)
			.set({ searchVersion: 0, searchPublic: before, searchMembers: before })
			.where(eq(memberProfile.userId, ids.sara));
		expect(await find({ q: 'Sara' })).not.toContain(ids.sara);
		expect(await profileSearchOutdated(db)).toBe(true);
		expect(await refreshOutdatedProfileSearch(db, 1)).toBe(1);
		expect(await profileSearchOutdated(db)).toBe(false);
		expect(await find({ q: 'Sara' })).toContain(ids.sara);
		expect(await find({ q: 'Sara' }, member)).toContain(ids.sara);
	});
});
