import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember, buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { FIELD_NAMES, type ProfileField, type Visibility } from '#lib/members/profile.ts';
import { directoryQuery } from '#lib/members/directory.ts';
import type { Actor } from '../accounts/policy.ts';
import { getProfile } from './get-profile.ts';
import { searchMembers } from './search-members.ts';

const VIEW_KEY: Record<ProfileField, string> = {
	headline: 'headline',
	photo: 'photo',
	origin: 'origin',
	residence: 'residence',
	city: 'city',
	languages: 'languages',
	expertise: 'expertise',
	interests: 'interests',
	bio: 'bioHtml',
	links: 'links'
};

/** A search that can only match through the given field (null where the field is not searchable). */
const PROBE: Partial<Record<ProfileField, (tag: string) => Record<string, string>>> = {
	headline: (tag) => ({ q: `headline${tag}` }),
	city: (tag) => ({ q: `city${tag}` }),
	bio: (tag) => ({ q: `bio${tag}` }),
	interests: (tag) => ({ interest: `interest${tag}` }),
	origin: () => ({ origin: 'NP' }),
	residence: () => ({ residence: 'NR' }),
	languages: () => ({ language: 'ne' })
};

const EXPECTED: Record<'visitor' | 'member' | 'owner' | 'admin', Record<Visibility, boolean>> = {
	visitor: { public: true, members: false, nobody: false },
	member: { public: true, members: true, nobody: false },
	admin: { public: true, members: true, nobody: false },
	owner: { public: true, members: true, nobody: true }
};

describe.each(DATABASES)('field visibility on $kind (field × visibility × viewer)', (target) => {
	let s: AppContext;
	let member: Actor;
	let admin: Actor;
	const owners = new Map<string, string>();
	beforeAll(async () => {
		s = await testServices(target);
		const m = await buildMember(s);
		const a = await buildMember(s, { roles: ['administrator'] });
		member = { id: m.id, roles: ['member'] };
		admin = { id: a.id, roles: ['member', 'administrator'] };
		for (const field of FIELD_NAMES) {
			for (const v of ['public', 'members', 'nobody'] as const) {
				const tag = `${field}${v}`.replace(/[^a-z]/g, '');
				const hidden = Object.fromEntries(FIELD_NAMES.map((f) => [f, 'nobody'])) as Record<
					ProfileField,
					Visibility
				>;
				const owner = await buildProfile(s, {
					name: `Person ${owners.size + 1}`,
					headline: `headline${tag}`,
					city: `city${tag}`,
					bio: `bio${tag}`,
					interests: [`interest${tag}`],
					origin: field === 'origin' ? ['NP'] : [],
					residence: field === 'residence' ? 'NR' : '',
					languages: field === 'languages' ? [{ code: 'ne', level: 'fluent' }] : [],
					links: [{ url: 'https://example.org/', label: 'site' }],
					listed: 'public',
					visibility: { ...hidden, [field]: v }
				});
				owners.set(`${field}:${v}`, owner.id);
			}
		}
	});
	afterAll(() => s.database.close());

	const cases = FIELD_NAMES.flatMap((field) =>
		(['public', 'members', 'nobody'] as const).flatMap((v) =>
			(['visitor', 'member', 'owner', 'admin'] as const).map(
				(viewer) => [field, v, viewer] as const
			)
		)
	);

	it.each(cases)('%s set to %s, seen by a %s', async (field, v, viewer) => {
		const ownerId = owners.get(`${field}:${v}`)!;
		const actor =
			viewer === 'visitor'
				? null
				: viewer === 'member'
					? member
					: viewer === 'admin'
						? admin
						: { id: ownerId, roles: ['member' as const] };
		const expected = EXPECTED[viewer][v];
		const profile = await getProfile(s.database.db, actor, ownerId);
		expect(profile, 'the profile itself is public').not.toBeNull();
		expect(VIEW_KEY[field] in profile!, `${field} on the profile`).toBe(expected);

		const probe = PROBE[field];
		if (!probe || viewer === 'owner') return;
		const tag = `${field}${v}`.replace(/[^a-z]/g, '');
		const found = await searchMembers(s.database.db, actor, directoryQuery.parse(probe(tag)));
		expect(found.items.map((i) => i.id).includes(ownerId), `${field} usable to find them`).toBe(
			expected
		);
	});
});
