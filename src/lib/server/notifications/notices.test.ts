// Every event that tells someone, end to end: the change, the queue, and the message as it arrives
// at a real local SMTP server or SMS endpoint, in the person's language and by their choice; and
// the list on the account with its unread count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startSmtp } from '../../../../tests/support/smtp.ts';
import { startSmsWebhook } from '../../../../tests/support/sms-webhook.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember, noticeDeps } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { NO_EMAIL_DOMAIN } from '../platform/mail.ts';
import { organisation } from '../organisations/schema.ts';
import { createOrganisation } from '../organisations/create-organisation.ts';
import { requestToJoin, reviewOrganisation, setMembership } from '../organisations/memberships.ts';
import { answerInvitation, inviteToOrganisation } from '../organisations/invitations.ts';
import { decideReview } from '../services/review.ts';
import { service } from '../services/schema.ts';
import { createReferral } from '../referrals/create-referral.ts';
import { changeStatus } from '../referrals/transitions.ts';
import { postMessage } from '../referrals/thread.ts';
import { remindOverdueReferrals } from '../referrals/reminders.ts';
import { answerAsPerson } from '../referrals/person-confirmation.ts';
import type { ReferralDeps } from '../referrals/deps.ts';
import { buildOrganisation, buildService, referralFormFor } from '../referrals/test-helpers.ts';
import { listNotices, markRead, unreadCount } from './notices.ts';
import { noticeSettings, saveNoticeSettings } from './settings.ts';

const ORIGIN = 'https://passerelle.test';

describe.each(DATABASES)('notifications on $kind', (target) => {
	let s: AppContext;
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	let sms: Awaited<ReturnType<typeof startSmsWebhook>>;
	let admin: Actor;
	let n = 0;

	beforeAll(async () => {
		smtp = await startSmtp();
		sms = await startSmsWebhook();
		s = await testServices(target, {
			SMTP_URL: smtp.url,
			SMS_WEBHOOK_URL: sms.url,
			ORIGIN
		});
		const made = await buildMember(s, { roles: ['administrator'] });
		admin = { id: made.id, roles: ['member', 'administrator'] };
	});
	afterAll(async () => {
		await s.database.close();
		await smtp.close();
		await sms.close();
	});

	/** Runs the queue (notices, then their deliveries) and returns what arrived for `to`. */
	const arrived = async (to: string) => {
		await s.queue.drain();
		return {
			mails: smtp.mails.filter((mail) => mail.to === to.toLowerCase()),
			texts: sms.messages.filter((text) => text.to === to)
		};
	};
	const person = async (locale = 'en') => {
		const a = await buildActor(s);
		if (locale !== 'en') await s.database.db.update(user).set({ locale }).where(eq(user.id, a.id));
		return a;
	};
	const phoneOnly = async () => {
		const phone = `+3361299${String(++n).padStart(4, '0')}`;
		// As a phone sign-in makes it: the reserved address stands for "no e-mail".
		const a = await buildActor(s, { phone });
		const email = `${phone.slice(1)}@${NO_EMAIL_DOMAIN}`;
		await s.database.db.update(user).set({ email }).where(eq(user.id, a.id));
		return { ...a, email, phone };
	};
	const firstNotice = async (a: Actor) => (await listNotices(s.database.db, a!.id, 'en')).items[0];

	it('organisation approved, and rejected only with a reason the proposer reads', async () => {
		const proposer = await person('fr');
		const made = await createOrganisation(s.database.db, proposer, {
			name: 'Solidarité Sans Frontières',
			kind: 'ngo',
			description: 'Accueil et orientation.',
			countries: [],
			sectors: [],
			website: '',
			contentLocale: 'fr'
		});
		if (!made.ok) throw new Error(JSON.stringify(made));
		const reject = (reason: string) =>
			reviewOrganisation(noticeDeps(s), admin, made.value.id, 'rejected', reason);
		expect(await reject('  ')).toMatchObject({
			ok: false,
			errors: { reason: 'error_org_reason_required' }
		});
		expect((await reject('Please give a postal address.')).ok).toBe(true);
		const { mails } = await arrived(proposer.email);
		expect(mails).toHaveLength(1);
		// In French, with the link, and naming neither the organisation nor the reason.
		expect(mails[0].subject).toContain('n’a pas été approuvée');
		expect(mails[0].text).toContain(`${ORIGIN}/fr/organisations/${made.value.slug}`);
		expect(mails[0].text).toContain(`${ORIGIN}/fr/account/notifications`);
		expect(mails[0].text).not.toMatch(/Solidarité|postal address/);
		// The list on the account says it all.
		const [row] = await s.database.db
			.select({ note: organisation.reviewNote })
			.from(organisation)
			.where(eq(organisation.id, made.value.id));
		expect(row.note).toBe('Please give a postal address.');
		expect((await listNotices(s.database.db, proposer.id, 'fr')).items[0].text).toBe(
			'Solidarité Sans Frontières n’a pas été approuvée. Motif : Please give a postal address.'
		);

		expect((await reviewOrganisation(noticeDeps(s), admin, made.value.id, 'approved')).ok).toBe(
			true
		);
		const after = await arrived(proposer.email);
		expect(after.mails).toHaveLength(2);
		expect(after.mails[1].subject).toContain('a été approuvée');
		// Approving again tells nobody again.
		await reviewOrganisation(noticeDeps(s), admin, made.value.id, 'approved');
		expect((await arrived(proposer.email)).mails).toHaveLength(2);
	});

	it('service approved and returned with the curator’s note, to the organisation’s admins', async () => {
		const orgAdmin = await person('es');
		const curator = admin;
		const org = await buildOrganisation(s, 'Casa Abierta', [orgAdmin.id]);
		const id = await buildService(s, org.id, { name: 'Asesoría jurídica', published: false });
		const pending = () =>
			s.database.db.update(service).set({ reviewState: 'pending' }).where(eq(service.id, id));
		await pending();
		const decide = (approve: boolean, note: string) =>
			decideReview(noticeDeps(s), curator, id, { approve, note }, { timeZone: 'UTC' });
		expect((await decide(false, 'Add the opening hours.')).ok).toBe(true);
		let { mails } = await arrived(orgAdmin.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toContain('fue devuelto');
		expect(mails[0].text).toContain(`${ORIGIN}/es/organisations/${org.slug}/services/${id}`);
		expect(mails[0].text).not.toMatch(/Asesoría|opening hours/);
		expect((await listNotices(s.database.db, orgAdmin.id, 'es')).items[0].text).toContain(
			'Add the opening hours.'
		);
		await pending();
		expect((await decide(true, '')).ok).toBe(true);
		({ mails } = await arrived(orgAdmin.email));
		expect(mails).toHaveLength(2);
		expect(mails[1].subject).toContain('fue aprobado');
	});

	it('join requests: the admins hear of them, and the person of the answer', async () => {
		const orgAdmin = await person();
		const org = await buildOrganisation(s, 'Jusoor', [orgAdmin.id]);
		const asker = await buildMember(s, { name: 'Karim Haddad' });
		const askerActor: Actor = { id: asker.id, roles: ['member'] };
		expect((await requestToJoin(noticeDeps(s), askerActor, org.id)).ok).toBe(true);
		const toAdmin = await arrived(orgAdmin.email);
		expect(toAdmin.mails).toHaveLength(1);
		expect(toAdmin.mails[0].subject).toContain('Someone asked to join your organisation');
		expect(toAdmin.mails[0].text).not.toMatch(/Karim|Jusoor/);
		expect((await firstNotice(orgAdmin)).text).toBe('Karim Haddad asked to join Jusoor.');
		// Asking again changes nothing and tells nobody again.
		await requestToJoin(noticeDeps(s), askerActor, org.id);
		expect((await arrived(orgAdmin.email)).mails).toHaveLength(1);

		expect((await setMembership(noticeDeps(s), orgAdmin, org.id, asker.id, 'accept')).ok).toBe(
			true
		);
		const toAsker = await arrived(asker.email);
		expect(toAsker.mails.map((m) => m.subject)).toEqual([
			expect.stringContaining('Your request to join an organisation was accepted')
		]);

		const other = await buildActor(s);
		await requestToJoin(noticeDeps(s), other, org.id);
		await setMembership(noticeDeps(s), orgAdmin, org.id, other.id, 'remove');
		expect((await arrived(other.email)).mails.map((m) => m.subject)).toEqual([
			expect.stringContaining('was not accepted')
		]);
	});

	it('invitations: the invitee finds it on their account, the inviter hears the answer', async () => {
		const orgAdmin = await person();
		const org = await buildOrganisation(s, 'Red Migrante', [orgAdmin.id]);
		const invitee = await person();
		const deps = { ...noticeDeps(s), mailer: s.mailer, sms: s.sms, origin: ORIGIN, locale: 'en' };
		expect(
			(await inviteToOrganisation(deps, orgAdmin, org.id, { contact: invitee.email })).ok
		).toBe(true);
		// One message to the contact: the invitation's own, not a second one for the notice.
		const received = await arrived(invitee.email);
		expect(received.mails).toHaveLength(1);
		expect(received.mails[0].text).toMatch(/\/invitations\/[\w-]{43}/);
		expect((await firstNotice(invitee)).text).toBe('You were invited to join Red Migrante.');
		const id = (await listNotices(s.database.db, invitee.id, 'en')).items[0];
		expect(id.link).toBe('/account/waiting');

		const token = received.mails[0].text.match(/\/invitations\/([\w-]{43})/)![1];
		expect((await answerInvitation(noticeDeps(s), invitee, { token }, 'accept')).ok).toBe(true);
		const toInviter = await arrived(orgAdmin.email);
		expect(toInviter.mails.map((m) => m.subject)).toEqual([
			expect.stringContaining('An invitation you sent was accepted')
		]);
	});

	it('referrals: new, status, messages (by SMS to a phone-only person) and overdue reminders', async () => {
		const caseworker = await person();
		const receiver = await person('ar');
		const from = await buildOrganisation(s, 'Accueil Lyon', [caseworker.id]);
		const to = await buildOrganisation(s, 'Clinique juridique', [receiver.id]);
		const serviceId = await buildService(s, to.id, { name: 'Legal clinic' });
		const someone = await phoneOnly();
		const deps: ReferralDeps = {
			db: s.database.db,
			dueDays: 7,
			notifier: s.notifier,
			mailer: s.mailer,
			sms: s.sms,
			origin: ORIGIN
		};
		const t0 = new Date(Date.now() - 10 * 24 * 3600 * 1000);
		const made = await createReferral(
			deps,
			caseworker,
			referralFormFor(serviceId, from.id, { contact: someone.phone }),
			t0
		);
		if (!made.ok) throw new Error(JSON.stringify(made));
		const id = made.value.id;
		const toReceiver = await arrived(receiver.email);
		expect(toReceiver.mails).toHaveLength(1);
		expect(toReceiver.mails[0].text).toContain(`${ORIGIN}/ar/referrals/${id}`);
		expect(toReceiver.mails[0].subject).toContain('أُرسلت إحالة إلى منظمتك');
		expect(toReceiver.mails[0].text).not.toMatch(/Amina|Legal clinic|Clinique|residence/);

		// The person says it is them (from the SMS link): their account is linked.
		const asked = (await arrived(someone.phone)).texts;
		expect(asked).toHaveLength(1);
		const token = asked[0].body.match(/\/referrals\/claim\/([\w-]+)/)![1];
		expect((await answerAsPerson(s.database.db, someone, { token }, 'me')).ok).toBe(true);

		// Accepting tells the caseworker and the person (by SMS: no e-mail on that account).
		expect(
			(await changeStatus(deps, receiver, id, { transition: 'accept', expected: 'sent' })).ok
		).toBe(true);
		expect((await arrived(caseworker.email)).mails.at(-1)?.subject).toContain('Accepted');
		const statusText = (await arrived(someone.phone)).texts.at(-1)!;
		expect(statusText.body).toContain('Accepted');
		expect(statusText.body).toContain(`${ORIGIN}/en/referrals/${id}`);

		// The person answers in the thread: both organisations hear of it, without its words.
		expect(
			(await postMessage(noticeDeps(s), someone, id, { body: 'I can come on Tuesday.' })).ok
		).toBe(true);
		const mailsAfter = await arrived(caseworker.email);
		expect(mailsAfter.mails.at(-1)?.subject).toContain('There is a new message about a referral');
		expect((await arrived(receiver.email)).mails.at(-1)?.subject).toContain('رسالة جديدة');
		expect(
			[...smtp.mails, ...sms.messages].some((x) => JSON.stringify(x).includes('Tuesday'))
		).toBe(false);
		// Staff write back: the person gets a text message.
		const before = (await arrived(someone.phone)).texts.length;
		await postMessage(noticeDeps(s), receiver, id, { body: 'Tuesday at 10 is fine.' });
		expect((await arrived(someone.phone)).texts).toHaveLength(before + 1);

		// Past its closing deadline the receiving admins are reminded, once.
		const later = new Date(Date.now() + 60 * 24 * 3600 * 1000);
		const reminders = { db: s.database.db, notifier: s.notifier };
		expect(await remindOverdueReferrals(reminders, later)).toBeGreaterThanOrEqual(1);
		expect(await remindOverdueReferrals(reminders, later)).toBe(0);
		const overdue = (await arrived(receiver.email)).mails.filter((m) =>
			m.subject.includes('تجاوزت')
		);
		expect(overdue).toHaveLength(1);
	});

	it('follows each person’s choice, and counts what they have not read', async () => {
		const orgAdmin = await phoneOnly();
		const org = await buildOrganisation(s, 'Quiet House', [orgAdmin.id]);
		expect(await noticeSettings(s.database.db, orgAdmin.id)).toEqual({
			channel: 'auto',
			hasEmail: false,
			hasPhone: true
		});
		expect(await saveNoticeSettings(s.database.db, orgAdmin, { channel: 'email' })).toMatchObject({
			ok: false,
			errors: { channel: 'error_notice_no_email' }
		});
		expect((await saveNoticeSettings(s.database.db, orgAdmin, { channel: 'none' })).ok).toBe(true);
		const asker = await buildActor(s);
		await requestToJoin(noticeDeps(s), asker, org.id);
		expect((await arrived(orgAdmin.phone)).texts).toHaveLength(0);
		expect(await unreadCount(s.database.db, orgAdmin.id)).toBe(1);

		await saveNoticeSettings(s.database.db, orgAdmin, { channel: 'auto' });
		const second = await buildActor(s);
		await requestToJoin(noticeDeps(s), second, org.id);
		const texts = (await arrived(orgAdmin.phone)).texts;
		expect(texts).toHaveLength(1);
		expect(texts[0].body).toMatch(/^Passerelle: Someone asked to join your organisation\. https:/);
		expect(await unreadCount(s.database.db, orgAdmin.id)).toBe(2);

		const page = await listNotices(s.database.db, orgAdmin.id, 'en');
		expect(page.items.map((i) => i.unread)).toEqual([true, true]);
		await markRead(s.database.db, orgAdmin.id, page.items[0].id);
		expect(await unreadCount(s.database.db, orgAdmin.id)).toBe(0);
		// Running the queue again sends nothing again.
		expect((await arrived(orgAdmin.phone)).texts).toHaveLength(1);
	});
});
