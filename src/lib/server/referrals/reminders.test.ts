import { notification } from '../notifications/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { user } from '../accounts/schema.ts';
import { auditLog } from '../platform/schema.ts';
import { createReferral } from './create-referral.ts';
import { changeStatus } from './transitions.ts';
import { remindOverdueReferrals } from './reminders.ts';
import type { ReferralDeps } from './deps.ts';
import { buildOrganisation, buildService, referralFormFor } from './test-helpers.ts';

const DAY = 24 * 3600 * 1000;
const t0 = new Date('2026-04-01T08:00:00Z');
const day = (n: number) => new Date(t0.getTime() + n * DAY);

describe.each(DATABASES)('referral reminders on $kind', (target) => {
	let s: AppContext;
	let deps: ReferralDeps;
	/** The overdue notices written so far (notices.test.ts reads such a reminder's mail itself). */
	const reminded = () =>
		s.database.db
			.select({ userId: notification.userId, link: notification.link })
			.from(notification)
			.where(eq(notification.kind, 'referral_overdue'))
			.orderBy(notification.id);
	let receiverAdmin: { id: string; email: string };
	let receiverMember: { id: string; email: string };
	let referralId: string;
	let refer: (now: Date) => Promise<string>;

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, dueDays: 7, notifier: s.notifier };
		const caseworker = await buildMember(s);
		receiverAdmin = await buildMember(s);
		receiverMember = await buildMember(s);
		await s.database.db.update(user).set({ locale: 'fr' }).where(eq(user.id, receiverAdmin.id));
		const from = await buildOrganisation(s, 'Accueil', [caseworker.id]);
		const to = await buildOrganisation(s, 'Logement', [receiverAdmin.id, receiverMember.id]);
		const serviceId = await buildService(s, to.id);
		refer = async (now) => {
			const created = await createReferral(
				deps,
				{ id: caseworker.id, roles: ['member'] },
				referralFormFor(serviceId, from.id),
				now
			);
			if (!created.ok) throw new Error('not created');
			return created.value.id;
		};
		referralId = await refer(t0);
	});
	afterAll(() => s.database.close());

	const remind = (now: Date) =>
		remindOverdueReferrals({ db: s.database.db, notifier: s.notifier }, now);

	it('reminds the receiving organisation’s admins once per overdue period, in their language', async () => {
		expect(await remind(day(6))).toBe(0);
		expect(await remind(day(8))).toBe(1);
		// To the admin only, about that referral.
		expect(await reminded()).toEqual([
			{ userId: receiverAdmin.id, link: `/referrals/${referralId}` }
		]);
		expect(await remind(day(9))).toBe(0);
		expect(await remind(day(20))).toBe(0);
		expect(await reminded()).toHaveLength(1);

		// Accepting opens a new period with a closure deadline four times as long.
		const receiver = { id: receiverMember.id, roles: ['member' as const] };
		await changeStatus(
			deps,
			receiver,
			referralId,
			{ transition: 'accept', expected: 'sent' },
			day(21)
		);
		expect(await remind(day(21 + 27))).toBe(0);
		expect(await remind(day(21 + 29))).toBe(1);
		expect(await remind(day(21 + 30))).toBe(0);
		expect(await reminded()).toHaveLength(2);

		await changeStatus(
			deps,
			receiver,
			referralId,
			{
				transition: 'close',
				expected: 'accepted',
				outcome: 'person_unreachable',
				feedback: 'No answer.'
			},
			day(60)
		);
		expect(await remind(day(400))).toBe(0);
		const rows = await s.database.db
			.select({ id: auditLog.id })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'referral.remind'), eq(auditLog.subjectId, referralId)));
		expect(rows).toHaveLength(2);
	});

	it('never reminds twice when two instances run at once', async () => {
		const id = await refer(day(100));
		const before = (await reminded()).length;
		const results = await Promise.all([remind(day(108)), remind(day(108)), remind(day(108))]);
		expect(results.reduce((a, b) => a + b, 0)).toBe(1);
		const after = await reminded();
		expect(after).toHaveLength(before + 1);
		expect(after.at(-1)?.link).toBe(`/referrals/${id}`);
	});
});
