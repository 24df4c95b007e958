import { expect, test, type Page } from '@playwright/test';
import {
	accessibilityProblems,
	linkIn,
	signUpVerified,
	waitForMail,
	waitForMailAbout
} from './support.ts';
import { approvedOrganisation, publishedService } from './services-manage.ts';

async function figure(page: Page, label: string) {
	const table = page.getByRole('table', { name: 'Key figures' });
	const row = table
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
	return (await row.getByRole('cell').textContent())?.trim();
}

test('a provider publishes a service; a caseworker refers someone; the provider accepts and completes it with feedback; the dashboards change', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const stamp = Date.now().toString(36);
	const provider = await (await browser.newContext()).newPage();
	const receiving = await approvedOrganisation(
		browser,
		provider,
		'Paul Provider',
		`Refuge Lyon ${stamp}`
	);
	const serviceName = `Night shelter ${stamp}`;
	const serviceUrl = await publishedService(browser, provider, receiving.url, serviceName);

	const caseworker = await (await browser.newContext()).newPage();
	const referring = await approvedOrganisation(
		browser,
		caseworker,
		'Carla Caseworker',
		`Accueil ${stamp}`
	);
	await caseworker.goto(`${referring.url}/referrals?direction=sent`);
	expect(await figure(caseworker, 'Closed with feedback')).toBe('—');

	await caseworker.goto(serviceUrl);
	await caseworker.getByRole('link', { name: 'Refer someone to this service' }).click();
	await caseworker.getByRole('button', { name: 'Send the referral' }).click();
	// Without consent nothing is sent.
	await expect(caseworker.locator('.summary')).toBeVisible();
	expect(await accessibilityProblems(caseworker)).toEqual([]);
	await caseworker.getByRole('textbox', { name: 'Name', exact: true }).fill('Samir Haddad');
	await caseworker
		.getByRole('group', { name: 'Information the person agrees to share' })
		.getByLabel('Name')
		.check();
	await caseworker
		.getByLabel('Purpose of the referral')
		.fill('A bed for tonight and the next nights.');
	await caseworker.getByRole('radio', { name: 'Spoken' }).check();
	await caseworker.getByRole('checkbox', { name: /The person agreed to this referral/ }).check();
	await caseworker.getByRole('button', { name: 'Send the referral' }).click();
	await expect(caseworker.getByRole('status').first()).toHaveText(/The referral was sent/);
	const referralUrl = caseworker.url().replace(/\?.*$/, '');

	// A visitor, or staff of no organisation involved, cannot see it.
	const stranger = await (await browser.newContext()).newPage();
	await stranger.goto(referralUrl);
	await expect(stranger).toHaveURL(/sign-in/);

	// The receiving organisation's administrator is told by e-mail, with a link and no personal data.
	const mail = await waitForMailAbout(receiving.email, /A referral was sent to your organisation/);
	expect(mail.text).not.toContain('Samir');
	await provider.goto(linkIn(mail.text));
	await expect(provider.getByText('Samir Haddad')).toBeVisible();
	expect(await accessibilityProblems(provider)).toEqual([]);
	await provider.getByRole('button', { name: 'Accept' }).click();
	await expect(provider.getByRole('status').first()).toHaveText('The status was changed.');
	const closing = provider.locator('details', { hasText: 'Complete with feedback' });
	await closing.locator('summary').click();
	await closing.getByLabel('Outcome').selectOption({ label: 'Service provided' });
	await closing
		.getByLabel('Feedback to the referring organisation')
		.fill('Samir stayed five nights; now housed by the city.');
	await closing.getByRole('button', { name: 'Complete with feedback' }).click();
	await expect(provider.getByRole('status').first()).toHaveText('The status was changed.');

	await caseworker.goto(referralUrl);
	await expect(
		caseworker.getByRole('definition').filter({ hasText: 'Samir stayed five nights' })
	).toBeVisible();
	await caseworker.goto(`${referring.url}/referrals?direction=sent`);
	expect(await figure(caseworker, 'Closed with feedback')).toMatch(/100\s?%/);
	expect(await figure(caseworker, 'Referrals')).toBe('1');
	expect(await accessibilityProblems(caseworker)).toEqual([]);
	await provider.goto(`${receiving.url}/referrals`);
	expect(await figure(provider, 'Closed with feedback')).toMatch(/100\s?%/);

	// Someone with an account is referred by e-mail: the caseworker sees only what they typed, and
	// the referral is linked to the account only when its owner says "this is me".
	const person = await (await browser.newContext()).newPage();
	const account = await signUpVerified(person, 'Leila Mansour');
	await caseworker.goto(serviceUrl);
	await caseworker.getByRole('link', { name: 'Refer someone to this service' }).click();
	await caseworker.getByRole('textbox', { name: 'Name', exact: true }).fill('Leila');
	await caseworker
		.getByRole('textbox', { name: 'E-mail address or phone number' })
		.fill(account.email);
	const shared = caseworker.getByRole('group', { name: 'Information the person agrees to share' });
	await shared.getByLabel('Name').check();
	await shared.getByLabel('E-mail address or phone number').check();
	await caseworker.getByLabel('Purpose of the referral').fill('A bed for tonight.');
	await caseworker.getByRole('radio', { name: 'Spoken' }).check();
	await caseworker.getByRole('checkbox', { name: /The person agreed to this referral/ }).check();
	await caseworker.getByRole('button', { name: 'Send the referral' }).click();
	await expect(caseworker.getByRole('status').first()).toHaveText(/The referral was sent/);
	const secondUrl = new URL(caseworker.url()).pathname;
	await expect(caseworker.getByText('Leila Mansour')).toHaveCount(0);
	await expect(caseworker.getByText(/The person was asked/)).toBeVisible();

	const notice = await waitForMail(account.email, 2);
	expect(notice.text).not.toContain(serviceName);
	expect(notice.text).not.toContain(`Accueil ${stamp}`);
	await person.goto(linkIn(notice.text));
	await expect(
		person.getByText(new RegExp(`Accueil ${stamp}.*referred you to the service.*${serviceName}`))
	).toBeVisible();
	expect(await accessibilityProblems(person)).toEqual([]);
	await person.getByRole('button', { name: 'This is me' }).click();
	await expect(person).toHaveURL(new RegExp(`${secondUrl}$`));
	await expect(person.getByRole('heading', { name: 'What was shared about you' })).toBeVisible();
	await caseworker.goto(secondUrl);
	await expect(caseworker.getByText(/The person confirmed this referral/)).toBeVisible();

	// The person answers in the thread; the caseworker hears of it without its words.
	await person.getByLabel('Message', { exact: true }).fill('I can come on Tuesday morning.');
	await person.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(person.getByText('I can come on Tuesday morning.')).toBeVisible();
	const told = await waitForMailAbout(referring.email, /There is a new message about a referral/);
	expect(told.text).not.toContain('Tuesday');
	await caseworker.goto(linkIn(told.text));
	await expect(caseworker.getByText('I can come on Tuesday morning.')).toBeVisible();
});
