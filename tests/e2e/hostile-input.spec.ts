import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { sessionCookie } from './support.ts';

// Strings people (or attackers) may send: random Unicode, markup, SQL, path tricks, bidi and
// zero-width characters, very long values.
const hostile = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 200 }),
	fc.string({ unit: 'grapheme', maxLength: 60 }),
	fc.constantFrom(
		'<script>alert(1)</script>',
		'"><img src=x onerror=alert(1)>',
		"' OR 1=1 --",
		'../../../../etc/passwd',
		'%00',
		'\u202Egnp.exe',
		'a\u200Bb',
		'x'.repeat(20_000),
		'{"$ne":null}',
		'+33 6 12 34 56 78',
		'admin@example.org',
		'javascript:alert(1)'
	)
);

const FORMS: { path: string; fields: string[]; signedIn?: boolean }[] = [
	{ path: '/en/sign-in', fields: ['email', 'password'] },
	{ path: '/en/sign-up', fields: ['name', 'email', 'password'] },
	{ path: '/en/sign-in/phone?/send', fields: ['phone'] },
	{ path: '/en/sign-in/phone?/verify', fields: ['phone', 'code'] },
	{ path: '/en/welcome', fields: ['name'], signedIn: true },
	{ path: '/en/forgot-password', fields: ['email'] },
	{ path: '/en/reset-password', fields: ['token', 'password'] },
	{
		path: '/en/profile?/save',
		fields: [
			'name',
			'headline',
			'bio',
			'residence',
			'origin',
			'language_0',
			'level_0',
			'interests',
			'link_url_0',
			'listed',
			'vis_city'
		],
		signedIn: true
	},
	{
		path: '/en/organisations/new',
		fields: ['name', 'kind', 'description', 'countries', 'website', 'contentLocale'],
		signedIn: true
	},
	{ path: '/en/account?/language', fields: ['locale'], signedIn: true },
	{ path: '/en/account?/endSession', fields: ['session'], signedIn: true },
	{ path: '/en/admin/people?/roles', fields: ['user', 'role'], signedIn: true },
	{ path: '/en/services/review?/decide', fields: ['service', 'decision', 'note'], signedIn: true }
];

test('random and hostile input never makes a form or an endpoint fail with a server error', async ({
	baseURL
}) => {
	test.setTimeout(240_000);
	const cookie = sessionCookie();
	// The forms marked signedIn are really posted signed in.
	const account = await fetch(`${baseURL}/en/account`, { headers: { cookie }, redirect: 'manual' });
	expect(account.status).toBe(200);
	const failures: string[] = [];

	for (const form of FORMS) {
		await fc
			.assert(
				fc.asyncProperty(
					fc.array(hostile, { minLength: form.fields.length, maxLength: form.fields.length }),
					async (values) => {
						const body = new URLSearchParams(form.fields.map((f, i) => [f, values[i]]));
						const response = await fetch(`${baseURL}${form.path}`, {
							method: 'POST',
							redirect: 'manual',
							headers: {
								origin: baseURL!,
								accept: 'text/html',
								'content-type': 'application/x-www-form-urlencoded',
								...(form.signedIn ? { cookie } : {})
							},
							body
						});
						if (response.status >= 500)
							failures.push(
								`${form.path} ${response.status} ${JSON.stringify(values).slice(0, 200)}`
							);
						return response.status < 500;
					}
				),
				{ numRuns: 15, seed: 20261122 }
			)
			.catch((error: Error) => failures.push(`POST ${form.path}: ${error.message.slice(0, 300)}`));
	}

	for (const path of [
		'/api/v1/members',
		'/api/v1/organisations',
		'/api/v1/esco',
		'/en/members',
		'/en/map',
		'/en/profile',
		'/en/services',
		'/api/hsds/services',
		'/api/hsds/organizations',
		'/api/hsds/service_at_locations',
		'/api/hsds/taxonomy_terms'
	]) {
		await fc
			.assert(
				fc.asyncProperty(
					fc.dictionary(
						fc.constantFrom(
							'q',
							'origin',
							'residence',
							'language',
							'page',
							'per_page',
							'expertise',
							'kind',
							'type',
							'skill',
							'esco',
							'need',
							'place',
							'near',
							'radius',
							'open',
							'free',
							'age',
							'search',
							'taxonomy_term_id',
							'organization_id',
							'modified_after'
						),
						hostile
					),
					async (params) => {
						const url = `${baseURL}${path}?${new URLSearchParams(params as Record<string, string>)}`;
						const response = await fetch(url, {
							headers: { cookie, accept: 'text/html' },
							redirect: 'manual'
						});
						if (response.status >= 500)
							failures.push(`GET ${url.slice(0, 200)} ${response.status}`);
						return response.status < 500;
					}
				),
				{ numRuns: 15, seed: 20261122 }
			)
			// A request that throws (a reset connection, a crashed server) fails the test too.
			.catch((error: Error) => failures.push(`GET ${path}: ${error.message.slice(0, 300)}`));
	}
	expect(failures).toEqual([]);
});
