import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { ADMIN, MAILBOX } from './stack/ports.ts';

export { ADMIN };

/**
 * Known users sign in once per run, through the form, in the `setup` project (auth.setup.ts),
 * which saves their sessions here; tests reuse them. Tests of signing in itself use the form.
 */
export const SESSIONS = {
	admin: path.resolve(import.meta.dirname, '../../test-results/.auth/admin.json')
};
export type KnownUser = keyof typeof SESSIONS;

/** A page in a new browser context that holds a known user's saved session. */
export async function signedInPage(browser: Browser, who: KnownUser = 'admin') {
	const context = await browser.newContext({ storageState: SESSIONS[who] });
	return context.newPage();
}

function savedCookies(who: KnownUser) {
	const state = JSON.parse(readFileSync(SESSIONS[who], 'utf8')) as {
		cookies: Parameters<import('@playwright/test').BrowserContext['addCookies']>[0];
	};
	return state.cookies;
}

/** Gives an existing page's context a known user's saved session. */
export async function useSession(page: Page, who: KnownUser = 'admin') {
	await page.context().addCookies(savedCookies(who));
}

/** A known user's saved session as a Cookie header, for requests sent outside the browser. */
export function sessionCookie(who: KnownUser = 'admin') {
	return savedCookies(who)
		.map((c) => `${c.name}=${c.value}`)
		.join('; ');
}

let n = 0;
export function uniqueEmail(tag: string) {
	n++;
	return `${tag}-${Date.now().toString(36)}-${n}@e2e.example.org`;
}

let phones = 0;
export function uniquePhone() {
	// French mobile numbers +33 6 12 xx xx xx, unique per run. The block stays fixed: not every
	// +33 6 xx block is allocated, and a number from an unallocated one is refused as invalid.
	const digits = String((Date.now() + ++phones * 7919) % 1_000_000).padStart(6, '0');
	return {
		typed: `+33 6 12 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`,
		e164: `+33612${digits}`
	};
}

async function fetchBox(kind: 'mail' | 'sms', to: string) {
	const response = await fetch(`${MAILBOX}/${kind}?to=${encodeURIComponent(to)}`);
	return (await response.json()) as { subject?: string; text?: string; body?: string }[];
}

/** Waits for the n-th message delivered to an address and returns it. */
export async function waitForMail(to: string, count = 1) {
	await expect
		.poll(async () => (await fetchBox('mail', to)).length, { timeout: 15_000 })
		.toBeGreaterThanOrEqual(count);
	const mails = await fetchBox('mail', to);
	return mails[count - 1] as { subject: string; text: string };
}

/** Waits for a message to an address whose subject matches, and returns the latest such. */
export async function waitForMailAbout(to: string, subject: RegExp) {
	const about = async () =>
		(await fetchBox('mail', to)).filter((m) => subject.test(m.subject ?? ''));
	await expect.poll(async () => (await about()).length, { timeout: 15_000 }).toBeGreaterThan(0);
	return (await about()).at(-1) as { subject: string; text: string };
}

export async function waitForSms(to: string, count = 1) {
	await expect
		.poll(async () => (await fetchBox('sms', to)).length, { timeout: 15_000 })
		.toBeGreaterThanOrEqual(count);
	const messages = await fetchBox('sms', to);
	return messages[count - 1] as { body: string };
}

export function linkIn(text: string) {
	const url = text.match(/https?:\/\/\S+/)?.[0];
	if (!url) throw new Error(`no link in: ${text}`);
	return url;
}

export async function signInWithEmail(page: Page, email: string, password: string, locale = 'en') {
	await page.goto(`/${locale}/sign-in`);
	await page.locator('#f-email').fill(email);
	await page.locator('#f-password').fill(password);
	await page.locator('main form button[type=submit]').first().click();
	await expect(page).toHaveURL(new RegExp(`/${locale}/account`));
}

/** Creates a verified account through the real sign-up form and e-mail link. */
export async function signUpVerified(
	page: Page,
	name: string,
	password = 'a sturdy passphrase',
	locale = 'en'
) {
	const email = uniqueEmail('member');
	await page.goto(`/${locale}/sign-up`);
	await page.locator('#f-name').fill(name);
	await page.locator('#f-email').fill(email);
	await page.locator('#f-password').fill(password);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(new RegExp(`/${locale}/check-email`));
	const mail = await waitForMail(email);
	await page.goto(linkIn(mail.text));
	await expect(page).toHaveURL(new RegExp(`/${locale}/verified`));
	return { email, password, name };
}

/** Serious or critical axe violations on the page as it is now (for pages reached inside a flow). */
export async function accessibilityProblems(page: Page) {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${new URL(page.url()).pathname}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
}
