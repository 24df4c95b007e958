// How fast the public pages become readable on a slow mobile connection, as a newcomer with a
// prepaid 2G/3G plan would load them: a real Chromium, a cold cache, throttled by Chromium's own
// network emulation. Reported, not asserted: the numbers depend on the machine.
//
//   npm run bench:slow-network            (needs a build: npx vite build)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { freePort, root, startServer } from '../lib/server.js';
import { CHROMIUM_LAUNCH as LAUNCH } from '../../tests/support/chromium.ts';

const RUNS = 5;
const PAGES = ['/en', '/en/sign-in', '/ar', '/ar/sign-in'];
// Throughput is in bytes per second for the DevTools protocol; `goal` is for the main content.
const kbit = (n) => (n * 1000) / 8;
const PROFILES = [
	{ name: '3G-like', latency: 300, down: kbit(750), up: kbit(750), goal: 3000 },
	{ name: '2G-like', latency: 600, down: kbit(250), up: kbit(250), goal: 6000 }
];

/** One cold load: a new context has an empty cache, cookies and connections. */
async function measure(browser, url, profile) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: profile.latency,
			downloadThroughput: profile.down,
			uploadThroughput: profile.up
		});
		// What a reader waits for: the page's heading on screen. The page notes the frame in which
		// it is first laid out and visible itself: polling from here would add Playwright's delays.
		// performance.now() counts from the navigation start.
		await page.addInitScript(() => {
			const check = () => {
				const h1 = document.querySelector('main h1');
				if (h1?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
					window.mainLaidOut = performance.now();
				} else requestAnimationFrame(check);
			};
			requestAnimationFrame(check);
		});
		const timeout = 60_000;
		await page.goto(url, { waitUntil: 'commit', timeout });
		const laidOut = await (
			await page.waitForFunction(() => window.mainLaidOut, null, { timeout })
		).jsonValue();
		await page.waitForLoadState('load', { timeout });
		const rest = await page.evaluate(async () => {
			// The paint entry only gets its time once the frame is on screen, which can be after
			// `load`: read it through an observer rather than straight away (it would show 0).
			const fcp = await new Promise((resolve) => {
				new PerformanceObserver((list, observer) => {
					const entry = list.getEntriesByName('first-contentful-paint')[0];
					if (!entry) return;
					observer.disconnect();
					resolve(entry.startTime);
				}).observe({ type: 'paint', buffered: true });
				setTimeout(() => resolve(null), 10_000);
			});
			const [nav] = performance.getEntriesByType('navigation');
			const resources = performance.getEntriesByType('resource');
			return {
				fcp,
				load: nav.loadEventEnd,
				bytes: resources.reduce((n, r) => n + r.transferSize, nav.transferSize)
			};
		});
		// Text is not on screen before the first contentful paint: a heading laid out in the first
		// frame is only seen when Chromium presents that frame, so the later of the two counts.
		return { mainVisible: Math.max(laidOut, rest.fcp ?? 0), laidOut, ...rest };
	} finally {
		await context.close();
	}
}

function median(values) {
	const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
	if (!sorted.length) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-bench-'));
let server;
let browser;
try {
	server = await startServer({ port: await freePort(3400), dataDir });
	// One unthrottled request per page first: the server's first render of a route is slower
	// (code loading, JIT), and that is not what a visitor on a running instance waits for.
	for (const p of PAGES) await fetch(server.origin + p).then((r) => r.arrayBuffer());
	browser = await chromium.launch(LAUNCH);
	console.log(`Chromium ${browser.version()}, ${RUNS} cold loads per page and profile\n`);

	const rows = [];
	for (const profile of PROFILES) {
		for (const p of PAGES) {
			const runs = [];
			for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.origin + p, profile));
			const row = {
				profile: profile.name,
				page: p,
				goal: profile.goal,
				fcp: median(runs.map((r) => r.fcp)),
				mainVisible: median(runs.map((r) => r.mainVisible)),
				load: median(runs.map((r) => r.load)),
				bytes: median(runs.map((r) => r.bytes)),
				runs
			};
			rows.push(row);
			console.log(`  ${profile.name} ${p}: main content at ${Math.round(row.mainVisible)} ms`);
		}
	}

	// The table of medians, with the goal beside each row (reported, never failing the run).
	const ms = (v) => (v === null ? 'n/a' : String(Math.round(v)));
	const cols = ['profile', 'page', 'FCP ms', 'main ms', 'load ms', 'KB', 'goal (main)'];
	const table = rows.map((r) => [
		r.profile,
		r.page,
		ms(r.fcp),
		ms(r.mainVisible),
		ms(r.load),
		(r.bytes / 1024).toFixed(1),
		`< ${r.goal / 1000} s ${r.mainVisible < r.goal ? 'met' : 'MISSED'}`
	]);
	const widths = cols.map((c, i) => Math.max(c.length, ...table.map((t) => t[i].length)));
	const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	console.log(`\nMedians of ${RUNS} cold loads (KB = bytes on the wire, compressed)\n`);
	console.log(line(cols));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const t of table) console.log(line(t));

	const resultsDir = path.join(root, 'bench/results');
	mkdirSync(resultsDir, { recursive: true });
	const file = path.join(
		resultsDir,
		`slow-network-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
	);
	writeFileSync(
		file,
		JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows }, null, 2)
	);
	// DevTools emulation adds the round trip once per request and nothing for connection set-up;
	// a real first visit over HTTPS also pays TCP and TLS 1.3 handshakes, about two more.
	const extra = PROFILES.map((p) => `+${(2 * p.latency) / 1000} s at ${p.name}`).join(', ');
	console.log(`\nOn a real HTTPS first visit add about 2 round trips (TCP + TLS): ${extra}.`);
	console.log(`\nAll runs: ${path.relative(root, file)}`);
} finally {
	await browser?.close();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
