import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('configuration', () => {
	it('has working defaults for the embedded mode', () => {
		const c = parseConfig({});
		expect(c).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			origin: 'http://localhost:3000',
			embedded: true,
			seedDemo: true
		});
		expect(c.oidcProviders).toEqual([]);
	});

	it('does not seed demo content on PostgreSQL unless asked', () => {
		expect(parseConfig({ DATABASE_URL: 'postgres://x@localhost/db' }).seedDemo).toBe(false);
		expect(
			parseConfig({ DATABASE_URL: 'postgres://x@localhost/db', SEED_DEMO: 'true' }).seedDemo
		).toBe(true);
	});

	it('reads OIDC providers from JSON', () => {
		const c = parseConfig({
			OIDC_PROVIDERS: JSON.stringify([
				{
					id: 'google',
					name: 'Google',
					issuer: 'https://accounts.google.com',
					clientId: 'a',
					clientSecret: 'b'
				}
			])
		});
		expect(c.oidcProviders[0]).toMatchObject({ id: 'google', name: 'Google' });
	});

	it('trusts no proxy and keeps metrics local unless told otherwise', () => {
		expect(parseConfig({})).toMatchObject({
			trustProxy: { kind: 'none' },
			metricsToken: undefined
		});
		expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 });
		expect(parseConfig({ TRUST_PROXY: '10.0.0.0/8,::1' }).trustProxy).toMatchObject({
			kind: 'list',
			entries: ['10.0.0.0/8', '::1']
		});
		expect(parseConfig({ METRICS_TOKEN: 'x'.repeat(32) }).metricsToken).toBe('x'.repeat(32));
	});

	it.each([
		[{ PORT: 'abc' }, /^Invalid configuration: PORT /],
		[{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL /],
		[{ SMTP_URL: 'http://mail' }, /^Invalid configuration: SMTP_URL /],
		[{ SMS_WEBHOOK_URL: 'not a url' }, /^Invalid configuration: SMS_WEBHOOK_URL /],
		[{ OIDC_PROVIDERS: '{nope' }, /^Invalid configuration: OIDC_PROVIDERS is not valid JSON/],
		[{ OIDC_PROVIDERS: '[{"id":"x"}]' }, /^Invalid configuration: OIDC_PROVIDERS /],
		[{ SEED_DEMO: 'maybe' }, /^Invalid configuration: SEED_DEMO /],
		[{ ORIGIN: 'localhost' }, /^Invalid configuration: ORIGIN /],
		[{ TRUST_PROXY: 'the load balancer' }, /^Invalid configuration: TRUST_PROXY must be false/],
		[{ TRUST_PROXY: '10.0.0.0/40' }, /^Invalid configuration: TRUST_PROXY has a prefix/],
		[{ METRICS_TOKEN: 'short' }, /^Invalid configuration: METRICS_TOKEN must be at least 16/]
	])('stops with one line naming the variable: %o', (env, message) => {
		expect(() => parseConfig(env)).toThrow(message);
		try {
			parseConfig(env);
		} catch (error) {
			expect((error as Error).message.split('\n')).toHaveLength(1);
		}
	});
});
