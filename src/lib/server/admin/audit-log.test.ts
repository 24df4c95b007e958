import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { writeAudit } from '../platform/audit.ts';
import * as m from '#lib/paraglide/messages.js';
import { READING_ACTIONS, readAuditLog } from './audit-log.ts';

describe.each(DATABASES)('the audit log for administrators on $kind', (target) => {
	let s: AppContext;
	let admin: Actor;
	let other: Actor;
	beforeAll(async () => {
		s = await testServices(target);
		admin = {
			id: (await buildMember(s, { roles: ['administrator'] })).id,
			roles: ['member', 'administrator']
		};
		other = {
			id: (await buildMember(s, { roles: ['administrator'] })).id,
			roles: ['member', 'administrator']
		};
	});
	afterAll(() => s.database.close());

	it('hides the administrator’s own reading on request, never anyone else’s or any change', async () => {
		const db = s.database.db;
		await writeAudit(db, { actorId: other!.id, action: 'people.list', subjectType: 'user' });
		await writeAudit(db, {
			actorId: admin!.id,
			action: 'roles.set',
			subjectType: 'user',
			detail: { roles: ['moderator'], count: 1 }
		});
		await readAuditLog(db, admin, { page: 1 });
		await readAuditLog(db, admin, { page: 1 });
		const all = await readAuditLog(db, admin, { page: 1 });
		const mine = (rows: { action: string; actorName: string | null }[], action: string) =>
			rows.filter((r) => r.action === action && r.actorName !== null);
		expect(all!.rows.filter((r) => r.action === 'audit.read').length).toBeGreaterThanOrEqual(2);
		const hidden = await readAuditLog(db, admin, { page: 1, hideOwnReads: true });
		const actions = hidden!.rows.map((r) => r.action);
		// The other administrator's reading stays, as does the admin's own change, and its detail reads as words.
		expect(actions).toContain('people.list');
		expect(actions).toContain('roles.set');
		const detail = hidden!.rows.find((r) => r.action === 'roles.set')?.detail ?? '';
		// jsonb keeps its own key order: the pairs, not their order, are the point.
		expect(detail.split(' · ').sort()).toEqual(['count: 1', 'roles: ["moderator"]']);
		const ownReads = hidden!.rows.filter((r) => r.action === 'audit.read');
		expect(ownReads).toHaveLength(0);
		expect(mine(all!.rows, 'audit.read').length).toBeGreaterThan(0);
	});

	it('every action the platform records has words in each language', () => {
		const messages = m as unknown as Record<
			string,
			((i: object, o: { locale: string }) => string) | undefined
		>;
		const actions = [
			...READING_ACTIONS,
			'account.erased',
			'account.sign-in',
			'account.sign-in-failed',
			'demo.remove',
			'organisation.approved',
			'organisation.rejected',
			'organisation.member.make-admin',
			'referral.decline',
			'service.return',
			'settings.branding.update'
		];
		for (const action of actions)
			for (const locale of ['en', 'fr', 'es', 'ar']) {
				const words = messages[`audit_action_${action.replace(/[.-]/g, '_')}`]?.({}, { locale });
				expect(words, `${action} in ${locale}`).toBeTruthy();
			}
	});
});
