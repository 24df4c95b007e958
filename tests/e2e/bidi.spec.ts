import { expect, test, type Page } from '@playwright/test';

/** Where on screen a piece of text starts and ends (its first and last characters' boxes). */
async function visualOrder(page: Page, selector: string, first: string, last: string) {
	return page
		.locator(selector)
		.first()
		.evaluate(
			(root, [a, b]) => {
				const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
				const boxOf = (needle: string) => {
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						const at = node.textContent!.indexOf(needle);
						if (at === -1) continue;
						const range = document.createRange();
						range.setStart(node, at);
						range.setEnd(node, at + needle.length);
						return range.getBoundingClientRect();
					}
					return null;
				};
				const x = boxOf(a);
				walker.currentNode = root;
				const y = boxOf(b);
				return x && y
					? { first: x.left, last: y.left, sameLine: Math.abs(x.top - y.top) < 4 }
					: null;
			},
			[first, last]
		);
}

test('a phone number, an e-mail and an address keep their order on Arabic pages', async ({
	page
}) => {
	await page.goto('/ar/sign-in/phone');
	const phone = await visualOrder(page, '#f-phone-hint', '+33', '78');
	expect(phone).toMatchObject({ sameLine: true });
	expect(phone!.first).toBeLessThan(phone!.last);

	// The legal service of the demo content, in Paris: an e-mail, and a street address that
	// starts with its number.
	await page.goto('/ar/services?need=legal&place=Paris');
	await page.getByRole('link', { name: 'استشارات قانونية للقادمين الجدد' }).click();
	const mail = (await page.locator('a[href^="mailto:"]').first().textContent())!.trim();
	const mailOrder = await visualOrder(page, 'a[href^="mailto:"]', mail.slice(0, 4), mail.slice(-4));
	expect(mailOrder!.first).toBeLessThan(mailOrder!.last);
	const line = (await page.locator('address bdi').first().textContent())!.trim();
	expect(line).toMatch(/^\d+\s+\S/);
	const words = line.split(/\s+/);
	const streetOrder = await visualOrder(page, 'address bdi', words[0], words.at(-1)!);
	expect(streetOrder).toMatchObject({ sameLine: true });
	expect(streetOrder!.first).toBeLessThan(streetOrder!.last);
});
