import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startSmtp } from '../../../../tests/support/smtp.ts';
import { startSmsWebhook } from '../../../../tests/support/sms-webhook.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { user } from '../accounts/schema.ts';
import { NO_EMAIL_DOMAIN } from '../platform/mail.ts';
import { createEvent } from './save.ts';
import { cancelRegistration, registerForEvent } from './registration.ts';
import { remindUpcomingEvents } from './reminders.ts';

const ORIGIN = 'https://passerelle.test';

describe.each(DATABASES)('event notices by mail and SMS on $kind', (target) => {
	let s: AppContext;
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	let sms: Awaited<ReturnType<typeof startSmsWebhook>>;

	beforeAll(async () => {
		smtp = await startSmtp();
		sms = await startSmsWebhook();
		s = await testServices(target, { SMTP_URL: smtp.url, SMS_WEBHOOK_URL: sms.url, ORIGIN });
	});
	afterAll(async () => {
		await s.database.close();
		await smtp.close();
		await sms.close();
	});

	it('the day-before reminder reaches a mail box in the person’s language, and a phone by SMS; a promotion too', async () => {
		const deps = { db: s.database.db, notifier: s.notifier };
		const organiser = await buildActor(s, { name: 'Organiser' });
		const french = await buildActor(s, { name: 'Awa' });
		await s.database.db.update(user).set({ locale: 'fr' }).where(eq(user.id, french.id));
		const phone = '+33612990077';
		const texter = await buildActor(s, { name: 'Karim', phone });
		await s.database.db
			.update(user)
			.set({ email: `${phone.slice(1)}@${NO_EMAIL_DOMAIN}` })
			.where(eq(user.id, texter.id));
		const now = new Date();
		const tomorrow = new Date(now.getTime() + 20 * 3_600_000);
		const day = tomorrow.toISOString().slice(0, 10);
		const time = tomorrow.toISOString().slice(11, 16);
		const after = new Date(tomorrow.getTime() + 3_600_000).toISOString();
		const made = await createEvent(deps, organiser, {
			title: 'Secret title of the event',
			description: '',
			kind: 'meeting',
			format: 'online',
			date: day,
			start: time,
			end: after.slice(11, 16),
			endDate: after.slice(0, 10),
			timeZone: 'UTC',
			onlineUrl: 'https://meet.example.org/x',
			capacity: '1',
			language: 'en'
		});
		if (!made.ok) throw new Error(JSON.stringify(made));
		const other = await buildActor(s, { name: 'First' });
		await registerForEvent(deps, other, made.value.id);
		await registerForEvent(deps, french, made.value.id);
		await registerForEvent(deps, texter, made.value.id);
		// The first gives up: Awa, first in line, is promoted and told by mail.
		await cancelRegistration(deps, other, made.value.id);
		await s.queue.drain();
		const promoted = smtp.mails.filter((m) => m.to === french.email.toLowerCase());
		expect(promoted).toHaveLength(1);
		expect(promoted[0].subject).toContain('Une place s’est libérée');
		expect(promoted[0].text).toContain(`${ORIGIN}/fr/events/${made.value.id}`);
		expect(promoted[0].text).not.toContain('Secret title');

		expect(await remindUpcomingEvents(deps, now)).toBe(1);
		await s.queue.drain();
		const reminded = smtp.mails.filter((m) => m.to === french.email.toLowerCase());
		expect(reminded).toHaveLength(2);
		expect(reminded[1].subject).toContain('Rappel');
		// Karim waits (no reminder); once promoted, the reminder comes to his phone.
		expect(sms.messages.filter((t) => t.to === phone)).toHaveLength(0);
		await cancelRegistration(deps, french, made.value.id);
		expect(await remindUpcomingEvents(deps, now)).toBe(1);
		await s.queue.drain();
		const texts = sms.messages.filter((t) => t.to === phone);
		expect(texts.length).toBe(2);
		expect(texts.every((t) => !JSON.stringify(t).includes('Secret title'))).toBe(true);
	});
});
