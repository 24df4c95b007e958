// The people of the crash test: accounts signed up through the app's own pages (verified by the
// link in their mail) and members admitted to the demo organisations by the platform's admin.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { startSmtp } from '../support/smtp.ts';
import { Client } from './client.ts';

/** Every account of the crash test, the admin's included, has this password. */
export const PASSWORD = 'crash test passphrase';

export async function signUp(
	smtp: Awaited<ReturnType<typeof startSmtp>>,
	origin: string,
	name: string,
	tag: string
) {
	const client = new Client(origin);
	const email = `crash-${tag}-${Date.now().toString(36)}@crash.example.org`;
	const answer = await client.action('/en/sign-up', { name, email, password: PASSWORD });
	assert.equal(answer.type, 'redirect', `sign-up of ${email}: ${JSON.stringify(answer)}`);
	let mail;
	for (let i = 0; i < 300 && !mail; i++) {
		mail = smtp.mails.find((m) => m.to === email);
		if (!mail) await sleep(100);
	}
	assert.ok(mail, `no verification mail for ${email} (${smtp.mails.map((m) => m.to).join(', ')})`);
	const link = mail.text.match(/https?:\/\/\S+/)?.[0];
	assert.ok(link, `no link in ${mail.text}`);
	const verified = await client.get(link);
	assert.ok(verified.status < 400, `verification link: ${verified.status}`);
	assert.equal((await client.get('/en/account')).status, 200, `${email} is signed in`);
	return { client, name, email };
}

/** The admin of the platform accepts a member's request to join a demo organisation. */
export async function join(admin: Client, member: { client: Client; name: string }, slug: string) {
	const asked = await member.client.action(`/en/organisations/${slug}?/join`, {});
	assert.equal(asked.type, 'success', `join ${slug}: ${JSON.stringify(asked)}`);
	const page = await admin.get(`/en/organisations/${slug}`);
	const card = [...page.text.matchAll(/<li>[\s\S]*?<\/li>/g)]
		.map((m) => m[0])
		.find((li) => li.includes(member.name) && li.includes('value="accept"'));
	const user = card?.match(/name="user" value="([^"]+)"/)?.[1];
	assert.ok(user, `${member.name} waits on the page of ${slug}`);
	const accepted = await admin.action(`/en/organisations/${slug}?/member`, {
		user,
		change: 'accept'
	});
	assert.equal(accepted.type, 'success', `accept in ${slug}: ${JSON.stringify(accepted)}`);
}

export async function json<T>(client: Client, url: string) {
	const { status, text } = await client.get(url);
	assert.equal(status, 200, url);
	return JSON.parse(text) as T;
}
