import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember, signIn } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { describeDevice, endOtherSessions, endSession, listSessions } from './sessions.ts';

describe.each(DATABASES)('sessions on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('lists a person’s sessions and ends one, but never another person’s', async () => {
		const me = await buildMember(s);
		const other = await buildMember(s);
		const phone = await signIn(s, me.email, me.password);
		const laptop = await signIn(s, me.email, me.password);
		const theirs = await signIn(s, other.email, other.password);
		const current = await s.auth.api.getSession({ headers: laptop });
		const sessions = await listSessions(s.database.db, me.id, current!.session.id);
		expect(sessions).toHaveLength(2);
		expect(sessions.filter((x) => x.current)).toHaveLength(1);

		const theirSession = await s.auth.api.getSession({ headers: theirs });
		expect(await endSession(s.database.db, me.id, theirSession!.session.id)).toBe(false);
		expect(await s.auth.api.getSession({ headers: theirs })).not.toBeNull();

		const phoneSession = await s.auth.api.getSession({ headers: phone });
		expect(await endSession(s.database.db, me.id, phoneSession!.session.id)).toBe(true);
		expect(await s.auth.api.getSession({ headers: phone })).toBeNull();
		expect(await s.auth.api.getSession({ headers: laptop })).not.toBeNull();
	});

	it('signs out everywhere else', async () => {
		const me = await buildMember(s);
		const a = await signIn(s, me.email, me.password);
		const b = await signIn(s, me.email, me.password);
		const current = await s.auth.api.getSession({ headers: b });
		await endOtherSessions(s.database.db, me.id, current!.session.id);
		expect(await s.auth.api.getSession({ headers: a })).toBeNull();
		expect(await s.auth.api.getSession({ headers: b })).not.toBeNull();
	});
});

describe('device descriptions', () => {
	it('names browser and platform only', () => {
		expect(
			describeDevice(
				'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'
			)
		).toBe('Chrome · Android');
		expect(describeDevice(null)).toBeNull();
		expect(describeDevice('curl/8.0')).toBeNull();
	});
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
	it('accepts on one instance a session created through the other', async () => {
		const target = { kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL };
		const first = await testServices(target);
		const second = await testServices(target, {}, { reset: false });
		try {
			const me = await buildMember(first);
			const headers = await signIn(first, me.email, me.password);
			const seen = await second.auth.api.getSession({ headers });
			expect(seen?.user.id).toBe(me.id);
			await second.auth.api.signOut({ headers });
			expect(await first.auth.api.getSession({ headers })).toBeNull();
		} finally {
			await first.database.close();
			await second.database.close();
		}
	});
});
