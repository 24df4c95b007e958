import { expect, test, type Page } from '@playwright/test';
import { signUpVerified, useSession } from './support.ts';
import { PAGES, resolvePath } from './pages.ts';

/** Null when the page fits its width; else its width and the innermost elements that stick out. */
function sticksOut(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement;
		if (root.scrollWidth <= root.clientWidth) return null;
		const width = root.clientWidth;
		const out = [...document.querySelectorAll('body *')]
			.filter((e) => {
				const r = e.getBoundingClientRect();
				return r.width > 0 && (r.right > width + 1 || r.left < -1);
			})
			// The innermost ones: their parents only stick out because of them.
			.filter((e, _, all) => !all.some((o) => o !== e && e.contains(o)))
			.slice(0, 4)
			.map((e) => {
				const r = e.getBoundingClientRect();
				const name = `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ')[0] : ''}`;
				return `${name} [${Math.round(r.left)}, ${Math.round(r.right)}] "${(e.textContent ?? '').trim().slice(0, 30)}"`;
			});
		return `${root.scrollWidth} px: ${out.join('; ')}`;
	});
}

// A cheap phone is 360 px wide: no page may scroll sideways, in a left-to-right language or in
// Arabic. On failure, the elements that stick out are named.
for (const locale of ['en', 'ar'])
	test(`no page scrolls sideways at 360 px (${locale})`, async ({ page, request }) => {
		test.setTimeout(180_000);
		await page.setViewportSize({ width: 360, height: 740 });
		await useSession(page);
		const wide: string[] = [];
		for (const { path } of PAGES) {
			const url = `/${locale}${await resolvePath(request, path)}`;
			expect((await page.goto(url))?.status(), url).toBe(200);
			const found = await sticksOut(page);
			if (found) wide.push(`${url} ${found}`);
		}
		expect(wide).toEqual([]);
	});

test('one long word, e-mail or link on a profile does not push it sideways', async ({ page }) => {
	await signUpVerified(page, 'Maximiliana Wolfeschlegelsteinhausenbergerdorff');
	await page.goto('/en/profile');
	await page
		.locator('#f-headline')
		.fill('Interpreter:Arabic/French/English/Tigrinya/Amharic/community-mediator');
	await page.locator('#f-city').fill('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch');
	await page
		.locator('#f-bio')
		.fill(
			'Write to maximiliana.wolfeschlegelsteinhausenbergerdorff@interpreters.example.org or read https://interpreters.example.org/people/maximiliana-wolfeschlegelsteinhausenbergerdorff/availability'
		);
	await page.getByLabel('Members who are signed in').check();
	await page.getByRole('button', { name: 'Save my profile' }).click();
	await expect(page.getByRole('status')).toContainText('Profile saved.');
	await page.getByRole('link', { name: 'See my profile' }).click();
	const profile = page.url().replace(/^.*\/en\//, '');
	await page.setViewportSize({ width: 360, height: 740 });
	for (const locale of ['en', 'ar']) {
		await page.goto(`/${locale}/${profile}`);
		expect(await sticksOut(page), locale).toBeNull();
	}
});

test('wide tables become one block per row on a phone, each value under its column’s name', async ({
	page
}) => {
	await useSession(page);
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/en/admin/audit');
	const row = page.locator('table.stacked tbody tr').first();
	expect(await row.evaluate((e) => getComputedStyle(e).display)).toBe('block');
	const label = await row
		.locator('td[data-label]')
		.nth(2)
		.evaluate((e) => getComputedStyle(e, '::before').content);
	expect(label).toBe('"Action: "');
	expect(await sticksOut(page)).toBeNull();
	// On a wide screen it is a table again.
	await page.setViewportSize({ width: 1280, height: 800 });
	expect(await row.evaluate((e) => getComputedStyle(e).display)).toBe('table-row');
});

test('no select menu cuts its chosen words at 360 px in Arabic', async ({ page }) => {
	await useSession(page);
	await page.setViewportSize({ width: 360, height: 740 });
	const cut: string[] = [];
	for (const path of ['/ar/profile', '/ar/services', '/ar/members', '/ar/organisations/new']) {
		await page.goto(path);
		// Each menu set to its longest choice, measured against the menu's own width.
		const found = await page.evaluate(() =>
			// Menus as wide as their longest choice (.visibility) fit by construction.
			[...document.querySelectorAll('select:not([multiple]):not(.visibility select)')].flatMap(
				(el) => {
					const select = el as HTMLSelectElement;
					if (!select.getBoundingClientRect().width) return [];
					const style = getComputedStyle(select);
					const ctx = document.createElement('canvas').getContext('2d')!;
					ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
					const longest = [...select.options].reduce(
						(a, o) => {
							const w = ctx.measureText(o.text).width;
							return w > a.w ? { w, text: o.text } : a;
						},
						{ w: 0, text: '' }
					);
					// Room for the text: the menu's width less its padding and the arrow (about 20 px).
					// Names over 30 characters (a few countries) cannot fit any phone: left out.
					const room =
						select.clientWidth -
						parseFloat(style.paddingInlineStart) -
						parseFloat(style.paddingInlineEnd) -
						20;
					return longest.w > room && longest.text.length <= 30
						? [`${select.id}: "${longest.text}"`]
						: [];
				}
			)
		);
		cut.push(...found.map((f) => `${path} ${f}`));
	}
	expect(cut).toEqual([]);
});
