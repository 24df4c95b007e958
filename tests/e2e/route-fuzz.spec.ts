import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sessionCookie } from './support.ts';

/**
 * Every route on disk (src/routes: +page.svelte, +page.server.ts, +server.ts) gets hostile path
 * parameters, query strings, unknown and junk form actions and junk JSON, signed out and signed in
 * as the administrator. No answer may be a server error, and no connection may be cut: a new route
 * is covered as soon as its file exists.
 */

const ROUTES_DIR = path.resolve(import.meta.dirname, '../../src/routes');
const FAKE_UUID = '00000000-0000-4000-8000-000000000000';

/** Values for dynamic segments, already as they appear in a URL. */
const HOSTILE_SEGMENTS = [
	'%00',
	'a%01b',
	'toString',
	'__proto__',
	'constructor',
	'..%2f..%2fetc%2fpasswd',
	'x'.repeat(3000),
	'%E2%80%AEgnp.exe',
	'%FF%FE',
	FAKE_UUID
];

const HOSTILE_QUERIES = [
	'?organization_id=%00&taxonomy_term_id=%00',
	'?q=%00&lang=%00',
	'?page=-1&per_page=__proto__&page=99999999999999999999',
	'?__proto__=1&constructor=x&toString=y',
	`?q=${'x'.repeat(3000)}&service=${FAKE_UUID}`,
	'?near=91,181&need=toString&language=__proto__&created'
];

const JUNK_VALUES = ['%00', '\u0000', '__proto__', 'toString', '\u202Egnp.exe', 'x'.repeat(5000)];
const FORM_FIELDS = ['id', 'name', 'email', 'password', 'token', 'service', 'user', 'role'];
const MORE_FIELDS = ['session', 'note', 'message', 'decision', 'status', 'code', 'phone', 'locale'];

/** A junk form body: every common field name, each with a hostile value. */
function junkForm(seed: number) {
	const body = new URLSearchParams();
	[...FORM_FIELDS, ...MORE_FIELDS].forEach((field, i) =>
		body.append(field, JUNK_VALUES[(seed + i) % JUNK_VALUES.length])
	);
	return body.toString();
}

const JUNK_JSON = [
	'{"id":"\\u0000","name":"__proto__","__proto__":{"admin":true}}',
	'[1,2,',
	'"x"',
	JSON.stringify({ constructor: { prototype: { x: 1 } }, q: 'x'.repeat(5000) })
];

type Route = {
	segments: string[];
	page: boolean;
	actions: string[];
	methods: string[];
};

const isDynamic = (segment: string) => segment.startsWith('[');
const paramName = (segment: string) => segment.replace(/^\[+(\.\.\.)?|(=\w+)?\]+$/g, '');

/** The routes as the file system holds them. */
function routesOnDisk(dir = ROUTES_DIR, segments: string[] = []): Route[] {
	const found: Route[] = [];
	const files = readdirSync(dir);
	const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
	const page = files.some((f) => /^\+page(\.server)?\.(svelte|ts|js)$/.test(f));
	const server = files.find((f) => /^\+server\.(ts|js)$/.test(f));
	const pageServer = files.find((f) => /^\+page\.server\.(ts|js)$/.test(f));
	if (page || server) {
		const actionsBlock = pageServer ? read(pageServer).split(/export const actions/)[1] : '';
		found.push({
			segments,
			page,
			actions: actionsBlock
				? [
						...actionsBlock.matchAll(/^\t(?:async\s+)?['"]?([A-Za-z_$][\w$-]*)['"]?\s*(?::|\()/gm)
					].map((m) => m[1])
				: [],
			methods: server
				? [
						...read(server).matchAll(
							/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g
						)
					].map((m) => m[1])
				: []
		});
	}
	for (const name of files) {
		if (!statSync(path.join(dir, name)).isDirectory()) continue;
		// Groups, (app), do not appear in the URL.
		const next = /^\(.*\)$/.test(name) ? segments : [...segments, name];
		found.push(...routesOnDisk(path.join(dir, name), next));
	}
	return found;
}

/** Pages are under a language prefix; the API and media are not. */
function urlOf(route: Route, values: string[]) {
	let i = 0;
	const parts = route.segments.map((s) => (isDynamic(s) ? values[i++] : s));
	const pathname = `/${parts.join('/')}`.replace(/\/$/, '');
	return /^\/(api|media)(\/|$)/.test(pathname) ? pathname : `/en${pathname}`;
}

/** Each dynamic segment hostile in turn, the others a plausible value. */
function variants(route: Route, samples: Record<string, string>) {
	const names = route.segments.filter(isDynamic).map(paramName);
	const plausible = names.map((n) => samples[n] ?? FAKE_UUID);
	if (!names.length) return [urlOf(route, [])];
	return names.flatMap((_, at) =>
		HOSTILE_SEGMENTS.map((value) => urlOf(route, plausible.with(at, value)))
	);
}

type Probe = { method: string; url: string; body?: string; type?: string };

function probesFor(route: Route, samples: Record<string, string>, signedIn: boolean): Probe[] {
	const probes: Probe[] = [];
	const plausible = urlOf(
		route,
		route.segments.filter(isDynamic).map((s) => samples[paramName(s)] ?? FAKE_UUID)
	);
	for (const query of HOSTILE_QUERIES) probes.push({ method: 'GET', url: plausible + query });
	const form = 'application/x-www-form-urlencoded';
	for (const [n, url] of variants(route, samples).entries()) {
		probes.push({ method: 'GET', url });
		if (route.page) {
			// Signing out would end the session this pass is testing with; it is fuzzed signed out.
			const actions = signedIn && /\/sign-out$/.test(url) ? [] : route.actions;
			const names = ['default', 'nonexistent', ...actions.filter((a) => a !== 'default')];
			for (const name of names)
				probes.push({ method: 'POST', url: `${url}?/${name}`, body: junkForm(n), type: form });
			if (!(signedIn && /\/sign-out$/.test(url)))
				probes.push({ method: 'POST', url, body: junkForm(n + 1), type: form });
		}
		for (const method of route.methods.filter((m) => m !== 'GET'))
			for (const body of JUNK_JSON) probes.push({ method, url, body, type: 'application/json' });
	}
	return probes;
}

async function samplesFrom(baseURL: string): Promise<Record<string, string>> {
	const orgs = (await (await fetch(`${baseURL}/api/v1/organisations?per_page=1`)).json()) as {
		items: { slug: string }[];
	};
	return { slug: orgs.items[0]?.slug ?? 'no-such-organisation', size: 'large', code: 'Ab12Cd34' };
}

/** Runs the probes a few at a time; every 5xx and every failed connection is recorded. */
async function run(probes: Probe[], baseURL: string, cookie: string | null) {
	const failures: string[] = [];
	let next = 0;
	async function worker() {
		while (next < probes.length) {
			const probe = probes[next++];
			const label = `${probe.method} ${probe.url.slice(0, 140)}${cookie ? ' (signed in)' : ''}`;
			try {
				const response = await fetch(baseURL + probe.url, {
					method: probe.method,
					redirect: 'manual',
					headers: {
						origin: baseURL,
						...(probe.type ? { 'content-type': probe.type } : {}),
						...(cookie ? { cookie } : {})
					},
					body: probe.body
				});
				// A live stream (Server-Sent Events) never ends: its answer is its status.
				if (response.headers.get('content-type')?.startsWith('text/event-stream'))
					await response.body?.cancel();
				else await response.arrayBuffer();
				if (response.status >= 500) failures.push(`${response.status} ${label}`);
			} catch (error) {
				const cause = (error as { cause?: { code?: string } }).cause?.code;
				failures.push(`connection failed (${cause ?? (error as Error).message}) ${label}`);
			}
		}
	}
	await Promise.all(Array.from({ length: 4 }, worker));
	return failures;
}

test('no route answers hostile input with a server error or a cut connection', async ({
	baseURL
}) => {
	test.setTimeout(110_000);
	const routes = routesOnDisk();
	// The list really comes from the file system: these exist today.
	expect(routes.map((r) => r.segments.join('/'))).toEqual(
		expect.arrayContaining(['media/photos/[id]/[size]', 'api/v1/members/[id]', 'members/[id]'])
	);
	expect(routes.find((r) => r.segments.join('/') === 'account')?.actions).toContain('language');

	const samples = await samplesFrom(baseURL!);
	const signedOut = routes.flatMap((r) => probesFor(r, samples, false));
	expect(signedOut.length).toBeGreaterThan(1000);
	const failures = await run(signedOut, baseURL!, null);

	const cookie = sessionCookie();
	const signedIn = routes.flatMap((r) => probesFor(r, samples, true));
	failures.push(...(await run(signedIn, baseURL!, cookie)));

	expect(failures).toEqual([]);
	// The signed-in pass stayed signed in to the end (it reached what only members see).
	const account = await fetch(`${baseURL}/en/account`, { headers: { cookie }, redirect: 'manual' });
	expect(account.status).toBe(200);
});
