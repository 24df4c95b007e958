import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Email } from '../platform/mail.ts';
import type { Sms } from '../platform/sms.ts';
import { user } from '../accounts/schema.ts';
import { auditLog } from '../platform/schema.ts';
import { listQuery } from '#lib/referrals/forms.ts';
import { createReferral } from './create-referral.ts';
import { getReferral } from './get-referral.ts';
import { listReferrals } from './list-referrals.ts';
import { changeStatus } from './transitions.ts';
import { answerAsPerson, referralByToken, referralsWaitingFor } from './person-confirmation.ts';
import { referral } from './schema.ts';
import type { ReferralDeps } from './deps.ts';
import { buildOrganisation, buildService, referralFormFor } from './test-helpers.ts';

const TOKEN = /\/referrals\/claim\/([\w-]{43})/;

describe.each(DATABASES)('the person confirms a referral on $kind', (target) => {
	let s: AppContext;
	let deps: ReferralDeps;
	const mails: Email[] = [];
	const texts: Sms[] = [];
	let caseworker: Actor, receiver: Actor;
	let from: { id: string }, serviceId: string;
	let n = 0;

	const member = (opts: { name?: string; phone?: string } = {}) => buildActor(s, opts);
	const refer = (overrides: Record<string, unknown> = {}) =>
		createReferral(deps, caseworker, referralFormFor(serviceId, from.id, overrides));
	const row = async (id: string) =>
		(await s.database.db.select().from(referral).where(eq(referral.id, id)))[0];
	const tokenIn = (text: string) => text.match(TOKEN)![1];
	const sentTo = (contact: string) => [
		...mails.filter((e) => e.to === contact),
		...texts.filter((t) => t.to === contact)
	];

	beforeAll(async () => {
		s = await testServices(target);
		deps = {
			db: s.database.db,
			dueDays: 7,
			notifier: s.notifier,
			origin: 'https://passerelle.test',
			locale: 'fr',
			mailer: { send: async (e) => void mails.push(e) },
			sms: { send: async (e) => void texts.push(e) }
		};
		caseworker = await member();
		receiver = await member();
		from = await buildOrganisation(s, 'Accueil Migrants Lyon', [caseworker!.id]);
		const to = await buildOrganisation(s, 'Clinique juridique', [receiver!.id]);
		serviceId = await buildService(s, to.id, { name: 'Legal clinic' });
	});
	afterAll(() => s.database.close());

	it('answers the caseworker the same whether or not an account uses the contact, and shows no account name', async () => {
		const bob = await member({ name: 'Bob Target', phone: `+3361299${String(1000 + ++n)}` });
		const [{ phone }] = await s.database.db
			.select({ phone: user.phoneNumber })
			.from(user)
			.where(eq(user.id, bob.id));
		const cases = [
			{ known: bob.email, unknown: `nobody-${++n}@example.org` },
			{ known: phone!, unknown: `+3361288${String(1000 + ++n)}` }
		];
		for (const { known, unknown } of cases)
			for (const overrides of [
				{},
				{ name: '' },
				{ shared: ['contact'] },
				{ shared: ['language'] }
			]) {
				const a = await refer({ contact: known, ...overrides });
				const b = await refer({ contact: unknown, ...overrides });
				// The same answer, byte for byte, once the new referral's own id is set aside.
				const bare = (r: typeof a) => JSON.stringify(r).replace(/"id":"[^"]+"/, '"id":"…"');
				expect(bare(a)).toBe(bare(b));
				if (!a.ok || !b.ok) continue;
				const [ra, rb] = [await row(a.value.id), await row(b.value.id)];
				// Nothing is linked, and nothing of the account fills in the record.
				expect(ra.personUserId).toBeNull();
				expect(ra.personConfirmation).toBe(rb.personConfirmation);
				expect({ ...ra.person, email: undefined, phone: undefined }).toEqual({
					...rb.person,
					email: undefined,
					phone: undefined
				});
				const [va, vb] = [
					await getReferral(s.database.db, caseworker, a.value.id, 'en'),
					await getReferral(s.database.db, caseworker, b.value.id, 'en')
				];
				expect(va!.person).toMatchObject({
					hasAccount: false,
					confirmation: vb!.person.confirmation
				});
				expect(JSON.stringify(va)).not.toContain('Bob Target');
			}
		// An empty name field is refused for both, as before only for a contact without an account.
		expect(await refer({ contact: bob.email, name: '' })).toEqual({
			ok: false,
			kind: 'invalid',
			errors: { name: 'referral_error_name_required' }
		});
		const audit = await s.database.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(eq(auditLog.action, 'referral.create'));
		expect(JSON.stringify(audit)).not.toMatch(/linkedAccount|@|\+33/);
	});

	it('tells the person through the contact shared, and links only on their "this is me"', async () => {
		const person = await member({ phone: `+3361277${String(1000 + ++n)}` });
		const [{ phone }] = await s.database.db
			.select({ phone: user.phoneNumber })
			.from(user)
			.where(eq(user.id, person.id));
		const byMail = await refer({ contact: person.email, language: 'es' });
		const byPhone = await refer({ contact: phone!, language: 'ti' });
		const unshared = await refer({ contact: person.email, shared: ['name'] });
		if (!byMail.ok || !byPhone.ok || !unshared.ok) throw new Error('not created');

		// One message each, in the person's language if it is one of ours (else the caseworker's),
		// with a link and no organisation, service or name.
		const [mail] = sentTo(person.email);
		expect(mail).toMatchObject({ to: person.email });
		expect((mail as Email).text).toMatch(/https:\/\/passerelle\.test\/es\/referrals\/claim\//);
		const [sms] = texts.filter((t) => t.to === phone);
		expect(sms.body).toMatch(/https:\/\/passerelle\.test\/fr\/referrals\/claim\//);
		for (const text of [(mail as Email).text, sms.body])
			expect(text).not.toMatch(/Accueil|Clinique|Legal clinic|Amina/);
		expect(sentTo(person.email)).toHaveLength(1);
		expect((await row(unshared.value.id)).personConfirmation).toBeNull();

		// Before the answer the person does not see the referral, nor have it in their list.
		expect(await getReferral(s.database.db, person, byMail.value.id, 'en')).toBeNull();
		const mine = listQuery.parse({ box: 'mine' });
		expect((await listReferrals(s.database.db, person, mine, 'en'))?.items).toEqual([]);

		// Waiting on their account: both, matched by the verified address and number.
		const waiting = await referralsWaitingFor(s.database.db, person, 'en');
		expect(waiting.map((w) => w.id).sort()).toEqual([byMail.value.id, byPhone.value.id].sort());
		expect(waiting[0]).toMatchObject({ from: 'Accueil Migrants Lyon', service: 'Legal clinic' });

		// Through the link: someone else signed in (or nobody) sees neither who nor what.
		const token = tokenIn((mail as Email).text);
		const other = await member();
		expect(await referralByToken(s.database.db, other, token, 'en')).toEqual({
			matches: false,
			referral: null
		});
		expect(await referralByToken(s.database.db, null, token, 'en')).toEqual({
			matches: false,
			referral: null
		});
		expect(await answerAsPerson(s.database.db, other, { token }, 'me')).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		expect(await answerAsPerson(s.database.db, null, { token }, 'me')).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		expect(
			await answerAsPerson(s.database.db, other, { id: byPhone.value.id }, 'me')
		).toMatchObject({ ok: false, kind: 'not_found' });
		expect((await row(byMail.value.id)).personUserId).toBeNull();

		expect(await referralByToken(s.database.db, person, token, 'en')).toMatchObject({
			matches: true,
			referral: { from: 'Accueil Migrants Lyon', service: 'Legal clinic' }
		});
		expect(await answerAsPerson(s.database.db, person, { token }, 'me')).toEqual({
			ok: true,
			value: { id: byMail.value.id }
		});
		expect(await row(byMail.value.id)).toMatchObject({
			personUserId: person.id,
			personConfirmation: 'confirmed',
			personTokenHash: null
		});
		// Now they follow it, as linked people do; the link is spent.
		expect((await getReferral(s.database.db, person, byMail.value.id, 'en'))?.viewer.person).toBe(
			true
		);
		expect(
			(await listReferrals(s.database.db, person, mine, 'en'))?.items.map((r) => r.id)
		).toEqual([byMail.value.id]);
		expect(await referralByToken(s.database.db, person, token, 'en')).toBeNull();
		expect(
			(await getReferral(s.database.db, caseworker, byMail.value.id, 'en'))?.person
		).toMatchObject({ hasAccount: true, confirmation: 'confirmed' });

		// From the account page, by id, for the referral sent by SMS.
		expect(
			await answerAsPerson(s.database.db, person, { id: byPhone.value.id }, 'me')
		).toMatchObject({ ok: true });
		expect((await row(byPhone.value.id)).personUserId).toBe(person.id);
		expect(await referralsWaitingFor(s.database.db, person, 'en')).toEqual([]);

		const audit = await s.database.db
			.select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'referral.person.confirm'), eq(auditLog.subjectId, byMail.value.id))
			);
		expect(audit).toEqual([
			{ action: 'referral.person.confirm', actorId: person.id, detail: { via: 'link' } }
		]);
	});

	it('"not me" needs only the link, is recorded, and ends the messages to that contact', async () => {
		const contact = `stranger-${++n}@example.org`;
		const made = await refer({ contact });
		if (!made.ok) throw new Error('not created');
		const token = tokenIn((sentTo(contact)[0] as Email).text);
		expect(await answerAsPerson(s.database.db, null, { token }, 'not_me')).toEqual({
			ok: true,
			value: { id: made.value.id }
		});
		expect(await row(made.value.id)).toMatchObject({
			personUserId: null,
			personConfirmation: 'not_me',
			personTokenHash: null
		});
		expect(await answerAsPerson(s.database.db, null, { token }, 'not_me')).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		// An account later made with that address finds nothing to claim.
		const late = await buildMember(s, { email: contact });
		const lateActor = { id: late.id, roles: ['member' as const] };
		expect(await referralsWaitingFor(s.database.db, lateActor, 'en')).toEqual([]);
		expect(
			await answerAsPerson(s.database.db, lateActor, { id: made.value.id }, 'me')
		).toMatchObject({ ok: false, kind: 'not_found' });
		// The referral goes on between the organisations; nothing more reaches the contact.
		await changeStatus(deps, receiver, made.value.id, { transition: 'accept', expected: 'sent' });
		expect(sentTo(contact)).toHaveLength(1);
		expect(
			(await getReferral(s.database.db, caseworker, made.value.id, 'en'))?.person
		).toMatchObject({ hasAccount: false, confirmation: 'not_me' });
		const [audit] = await s.database.db
			.select({ actorId: auditLog.actorId, detail: auditLog.detail })
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'referral.person.not_me'), eq(auditLog.subjectId, made.value.id))
			);
		expect(audit).toEqual({ actorId: null, detail: { via: 'link' } });
	});

	it('sends at most five messages a day to one contact, and the caseworker cannot tell', async () => {
		const contact = `busy-${++n}@example.org`;
		const answers = [];
		for (let i = 0; i < 7; i++) answers.push(await refer({ contact }));
		expect(answers.every((a) => a.ok)).toBe(true);
		expect(sentTo(contact)).toHaveLength(5);
	});
});
