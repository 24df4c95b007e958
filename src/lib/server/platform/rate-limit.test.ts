import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import type { AppContext } from '../app/context.ts';
import { hitRateLimit, ruleForPath, RULES } from './rate-limit.ts';

describe('which requests are limited', () => {
	it.each([
		['/fr/sign-in', RULES.signIn],
		['/api/auth/sign-in/email', RULES.signIn],
		['/ar/sign-up', RULES.signUp],
		['/en/sign-in/phone', RULES.code],
		['/api/auth/phone-number/send-otp', RULES.code],
		['/es/forgot-password', RULES.reset],
		['/en/account', null],
		['/api/auth/get-session', null]
	])('%s', (path, rule) => {
		expect(ruleForPath(path)).toEqual(rule);
	});
});

describe.each(DATABASES)('rate limits on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('allows up to the limit per client, then refuses with a retry delay', async () => {
		const rule = { name: 'test', limit: 3, windowSeconds: 60 };
		const results = [];
		for (let i = 0; i < 5; i++)
			results.push(await hitRateLimit(s.database.db, rule, '203.0.113.7'));
		expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
		expect(results[4].retryAfter).toBeGreaterThan(0);
		expect((await hitRateLimit(s.database.db, rule, '203.0.113.8')).allowed).toBe(true);
	});

	it('counts concurrent hits exactly', async () => {
		const rule = { name: 'burst', limit: 10, windowSeconds: 60 };
		const results = await Promise.all(
			Array.from({ length: 20 }, () => hitRateLimit(s.database.db, rule, '198.51.100.1'))
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(10);
	});
});
