import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { directoryQuery } from '#lib/members/directory.ts';
import { searchMembers } from './search-members.ts';

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
		[{ q: 'lyon' }, ['helene']]
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
		expect(await find({ q: 'zzzzqqq' })).toEqual([]);
	});
});
