import { expect, test } from '@playwright/test';
import { accessibilityProblems, linkIn, uniquePhone, waitForSms } from './support.ts';
import { approvedOrganisation, publishedService } from './services-manage.ts';

test('a service offers appointments; a person without an account books by phone, gets an SMS and cancels; staff see the day', async ({
	browser
}) => {
	test.slow();
	const staff = await (await browser.newContext()).newPage();
	const { url: orgUrl } = await approvedOrganisation(
		browser,
		staff,
		'Counsellor Nadia',
		'Desk for rights'
	);
	const serviceUrl = await publishedService(
		browser,
		staff,
		orgUrl,
		'Counselling on residence permits'
	);
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

	await staff.goto(orgUrl);
	await staff.getByRole('link', { name: 'Appointments' }).click();
	await staff.getByLabel('Date', { exact: true }).fill(tomorrow);
	await staff.getByLabel('From').fill('14:00');
	await staff.getByLabel('Until').fill('15:00');
	await staff.getByLabel('Length of each (minutes)').fill('30');
	await staff.getByLabel('Video call').check();
	await staff.getByRole('button', { name: 'Offer appointment times' }).click();
	await expect(staff.locator('#f-videoUrl-error')).toContainText('needs its link');
	await staff.getByLabel('Video room link').fill('https://meet.example.org/desk');
	await staff.getByLabel('Time zone').fill('Europe/Paris');
	await staff.getByRole('button', { name: 'Offer appointment times' }).click();
	await expect(staff.getByRole('status')).toHaveText('Times offered.');
	expect(await accessibilityProblems(staff)).toEqual([]);

	// A person with no account, no JavaScript.
	const person = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await person.goto(serviceUrl);
	await person.getByRole('link', { name: 'Book an appointment' }).click();
	await person
		.getByRole('link', { name: /Video call/ })
		.first()
		.click();
	await person.getByLabel('Your name').fill('Samir');
	await person.getByLabel('Your mobile number').fill('0612');
	await person.getByRole('button', { name: 'Confirm the appointment' }).click();
	await expect(person.locator('#f-phone-error')).toBeVisible();
	const phone = uniquePhone();
	await person.getByLabel('Your mobile number').fill(phone.typed);
	await person.getByRole('button', { name: 'Confirm the appointment' }).click();
	await expect(person.getByRole('status')).toContainText('It is booked');
	await expect(person.getByRole('link', { name: 'Join the video call' })).toHaveAttribute(
		'href',
		'https://meet.example.org/desk'
	);
	const text = await waitForSms(phone.e164);
	expect(text.body).not.toContain('residence permits');

	// Staff see Samir in the day's list, with a private note.
	await staff.getByLabel('Day to show').fill(tomorrow);
	await staff.getByRole('button', { name: 'Show the day' }).click();
	await expect(staff.locator('main')).toContainText('Samir');
	await staff.getByLabel('Private note').first().fill('Bring the prefecture letter.');
	await staff.getByRole('button', { name: 'Save the note' }).first().click();
	await expect(staff.getByRole('status')).toHaveText('Saved.');

	// From the SMS link, on another device: the booking, without the note; cancelled, the time is free.
	const other = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await other.goto(linkIn(text.body));
	await expect(other.locator('main')).toContainText('Counselling on residence permits');
	await expect(other.locator('main')).not.toContainText('prefecture');
	await other.getByRole('button', { name: 'Cancel the appointment' }).click();
	await expect(other.getByRole('status')).toContainText('The appointment is cancelled');
	await person.goto(`${serviceUrl}/appointments`);
	await expect(person.getByRole('link', { name: /Video call/ })).toHaveCount(2);

	// A member books one of them; it is listed on their account and opens without a secret.
	await staff.goto(`${serviceUrl}/appointments`);
	await staff
		.getByRole('link', { name: /Video call/ })
		.last()
		.click();
	await staff.getByRole('button', { name: 'Confirm the appointment' }).click();
	await expect(staff.getByRole('status')).toContainText('It is booked');
	await staff.goto('/en/account');
	await staff.getByRole('link', { name: /2:30/ }).click();
	await expect(staff.locator('main')).toContainText('Counselling on residence permits');
	await expect(staff.getByRole('button', { name: 'Cancel the appointment' })).toBeVisible();
});
