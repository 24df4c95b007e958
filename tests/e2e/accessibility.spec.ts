import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signedInPage } from './support.ts';
import { PAGES, resolvePath } from './pages.ts';

async function pageFor(browser: Browser, who: 'visitor' | 'member' | 'admin'): Promise<Page> {
	if (who !== 'visitor') return signedInPage(browser);
	return (await browser.newContext()).newPage();
}

for (const locale of ['en', 'ar']) {
	test(`no serious or critical accessibility violation on any page in ${locale}`, async ({
		browser,
		request
	}) => {
		test.setTimeout(240_000);
		const visitor = await pageFor(browser, 'visitor');
		const signedIn = await pageFor(browser, 'admin');
		const problems: string[] = [];
		for (const { path, who } of PAGES) {
			const page = who === 'visitor' ? visitor : signedIn;
			await page.goto(`/${locale}${await resolvePath(request, path)}`);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			const { violations } = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
				.analyze();
			for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
				problems.push(
					`${locale}${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
				);
			}
		}
		expect(problems).toEqual([]);
	});
}
