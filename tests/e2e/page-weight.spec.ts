import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { BUDGET, compressedSize } from './wire-size.ts';
import { sessionCookie } from './support.ts';
import { PAGES, resolvePath } from './pages.ts';

test('every page stays within the page-weight budget, in English and Arabic', async ({
	baseURL,
	request
}) => {
	test.setTimeout(240_000);
	const cookie = sessionCookie();
	const rows: string[] = [];
	const over: string[] = [];
	for (const locale of ['en', 'ar']) {
		for (const { path, who } of PAGES) {
			const url = `${baseURL}/${locale}${await resolvePath(request, path)}`;
			const html = await compressedSize(url, who === 'visitor' ? '' : cookie);
			expect(html.status, url).toBe(200);
			expect(html.encoded, `${url} is compressed`).toBe('gzip');
			const assets = [...html.text.matchAll(/<(?:link[^>]+href|script[^>]+src)="([^"]+)"/g)].map(
				(m) => m[1]
			);
			const css = assets.filter(
				(a) => a.endsWith('.css') && !/disabled/.test(html.text.split(a)[1].slice(0, 40))
			);
			const js = assets.filter((a) => a.endsWith('.js'));
			let cssBytes = (html.text.match(/<style[^>]*>[\s\S]*?<\/style>/g) ?? []).reduce(
				(n, s) => n + gzipSync(s).byteLength,
				0
			);
			for (const href of css) cssBytes += (await compressedSize(new URL(href, url).href, '')).bytes;
			let jsBytes = 0;
			for (const src of js) jsBytes += (await compressedSize(new URL(src, url).href, '')).bytes;
			rows.push(
				`${`/${locale}${path}`.padEnd(34)} ${String(html.bytes).padStart(7)} ${String(cssBytes).padStart(7)} ${String(jsBytes).padStart(7)}`
			);
			if (html.bytes > BUDGET.html) over.push(`${url}: HTML ${html.bytes} B`);
			if (cssBytes > BUDGET.css) over.push(`${url}: CSS ${cssBytes} B`);
			if (jsBytes > BUDGET.js) over.push(`${url}: JS ${jsBytes} B`);
			// Pages are server-rendered without client code (csr = false): no JavaScript at all, but
			// for the messages pages' one small script that brings new messages live (decision 0021).
			// Every page also carries /offline.js, which only adds reading offline (decision 0032).
			const live = /^\/messages(\/|$)/.test(path);
			const allowed = js.every(
				(src) => src === '/offline.js' || (live && src === '/live-messages.js')
			);
			if (!allowed)
				over.push(`${url}: ships JavaScript other than its small scripts (csr = false)`);
			if (jsBytes > (live ? 2560 : 1536)) over.push(`${url}: its scripts grew to ${jsBytes} B`);
		}
	}
	console.log(`\npage (compressed bytes)              HTML     CSS      JS\n${rows.join('\n')}`);
	expect(over).toEqual([]);
});
