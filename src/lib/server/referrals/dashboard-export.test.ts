import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { auditLog } from '../platform/schema.ts';
import { createReferral } from './create-referral.ts';
import { changeStatus } from './transitions.ts';
import { programmeDashboard, referralDashboard } from './dashboard.ts';
import { staffOrganisation } from '../organisations/access.ts';
import { exportOrganisationCsv, exportProgrammeCsv, safeCell } from './export-csv.ts';
import type { ReferralDeps } from './deps.ts';
import { buildOrganisation, buildService, referralFormFor } from './test-helpers.ts';

const HOUR = 3600 * 1000;
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

describe.each(DATABASES)('referral dashboard and export on $kind', (target) => {
	let s: AppContext;
	let deps: ReferralDeps;
	let caseworker: Actor, receiver: Actor, third: Actor, admin: Actor, moderator: Actor;
	let from: { id: string; slug: string }, to: { id: string; slug: string };

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, dueDays: 7, notifier: s.notifier };
		const member = async (roles: ('administrator' | 'moderator')[] = []) => ({
			id: (await buildMember(s, { roles })).id,
			roles: ['member' as const, ...roles]
		});
		[caseworker, receiver, third] = [await member(), await member(), await member()];
		admin = await member(['administrator']);
		moderator = await member(['moderator']);
		from = await buildOrganisation(s, 'Accueil', [caseworker!.id]);
		to = await buildOrganisation(s, 'Santé pour tous', [receiver!.id]);
		await buildOrganisation(s, 'Elsewhere', [third!.id]);
		const health = await buildService(s, to.id, { name: 'Clinic', termId: DEFAULT_TERMS[1].id });
		const legal = await buildService(s, to.id, { name: 'Lawyers', termId: DEFAULT_TERMS[4].id });

		// Five referrals with known times (hours after t0):
		//   1 health: accepted 2, completed 10 with feedback
		//   2 health: accepted 4, closed 20 with feedback
		//   3 health: declined 1
		//   4 legal: still waiting (overdue after 7 days)
		//   5 legal: accepted 6, in progress
		const make = async (serviceId: string, name: string) => {
			const r = await createReferral(
				deps,
				caseworker,
				referralFormFor(serviceId, from.id, { name, notes: '=cmd|calc' }),
				t0
			);
			if (!r.ok) throw new Error(JSON.stringify(r));
			return r.value.id;
		};
		const move = (id: string, transition: string, expected: string, hours: number, extra = {}) =>
			changeStatus(deps, receiver, id, { transition, expected, ...extra }, at(hours));
		const r1 = await make(health, 'Amina Yusuf');
		await move(r1, 'accept', 'sent', 2);
		await move(r1, 'complete', 'accepted', 10, {
			outcome: 'service_provided',
			feedback: 'Seen by a doctor.'
		});
		const r2 = await make(health, 'Omar Haddad');
		await move(r2, 'accept', 'sent', 4);
		await move(r2, 'close', 'accepted', 20, {
			outcome: 'person_unreachable',
			feedback: 'No answer to three calls.'
		});
		const r3 = await make(health, 'Lina Saleh');
		await move(r3, 'decline', 'sent', 1, { reason: 'Outside our area.' });
		await make(legal, 'Yusuf Ali');
		const r5 = await make(legal, 'Sara Tesfaye');
		await move(r5, 'accept', 'sent', 6);
		await move(r5, 'start', 'accepted', 7);
	});
	afterAll(() => s.database.close());

	const now = at(8 * 24);

	it('counts by status and type, overdue ones, median times and feedback', async () => {
		const d = await referralDashboard(
			s.database.db,
			{ organisationId: to.id, direction: 'received' },
			'fr',
			now
		);
		expect(d.total).toBe(5);
		expect(Object.fromEntries(d.byStatus.map((b) => [b.status, b.count]))).toEqual({
			sent: 1,
			accepted: 0,
			declined: 1,
			in_progress: 1,
			completed: 1,
			closed: 1
		});
		expect(d.byTerm).toEqual([
			{ termId: DEFAULT_TERMS[1].id, label: 'Santé', count: 3 },
			{ termId: DEFAULT_TERMS[4].id, label: 'Aide juridique et papiers', count: 2 }
		]);
		expect(d.overdue).toBe(1);
		expect(d.medianHoursToAcceptance).toBe(4);
		expect(d.medianHoursToClosure).toBe(15);
		expect(d.closedWithFeedback).toBe(2);
		expect(d.shareClosedWithFeedback).toBeCloseTo(0.4);

		const sentSide = await referralDashboard(
			s.database.db,
			{ organisationId: from.id, direction: 'sent' },
			'en',
			now
		);
		expect(sentSide.total).toBe(5);
		const nothing = await referralDashboard(
			s.database.db,
			{ organisationId: from.id, direction: 'received' },
			'en',
			now
		);
		expect(nothing).toMatchObject({
			total: 0,
			overdue: 0,
			medianHoursToAcceptance: null,
			shareClosedWithFeedback: null
		});
	});

	it('shows an organisation’s dashboard to its staff only, the programme’s to administrators', async () => {
		expect(await staffOrganisation(s.database.db, receiver, to.slug)).toMatchObject({ id: to.id });
		for (const who of [third, admin, moderator, null])
			expect(await staffOrganisation(s.database.db, who, to.slug)).toBeNull();
		expect((await programmeDashboard(s.database.db, admin, 'en', now))?.total).toBe(5);
		for (const who of [receiver, moderator, null])
			expect(await programmeDashboard(s.database.db, who, 'en', now)).toBeNull();
	});

	it('exports CSV without personal data unless staff ask for it; the programme never has it', async () => {
		const figures = await exportOrganisationCsv(s.database.db, receiver, to.slug, {
			direction: 'received',
			personal: false,
			now
		});
		const rows = parse(figures!.csv, { columns: true, bom: true }) as Record<string, string>[];
		expect(rows).toHaveLength(5);
		expect(Object.keys(rows[0])).not.toContain('person_name');
		expect(figures!.csv).not.toMatch(/Amina|Omar|doctor|three calls|residence permit|cmd/);
		expect(rows.find((r) => r.status === 'completed')).toMatchObject({
			service: 'Clinic',
			service_types: 'health',
			hours_to_acceptance: '2',
			hours_to_closure: '10',
			outcome: 'service_provided'
		});
		expect(rows.filter((r) => r.overdue === 'yes')).toHaveLength(1);

		const full = await exportOrganisationCsv(s.database.db, caseworker, from.slug, {
			direction: 'sent',
			personal: true,
			now
		});
		const fullRows = parse(full!.csv, { columns: true, bom: true }) as Record<string, string>[];
		expect(fullRows.map((r) => r.person_name).sort()).toEqual([
			'Amina Yusuf',
			'Lina Saleh',
			'Omar Haddad',
			'Sara Tesfaye',
			'Yusuf Ali'
		]);
		expect(fullRows.find((r) => r.person_name === 'Omar Haddad')?.feedback).toBe(
			'No answer to three calls.'
		);
		// A cell a spreadsheet would run as a formula is defused.
		expect(fullRows[0].person_notes).toBe("'=cmd|calc");

		expect(
			await exportOrganisationCsv(s.database.db, third, to.slug, {
				direction: 'received',
				personal: true,
				now
			})
		).toBeNull();
		expect(
			await exportOrganisationCsv(s.database.db, admin, to.slug, {
				direction: 'received',
				personal: false,
				now
			})
		).toBeNull();

		const programme = await exportProgrammeCsv(s.database.db, admin, now);
		const programmeRows = parse(programme!.csv, { columns: true, bom: true }) as Record<
			string,
			string
		>[];
		expect(programmeRows).toHaveLength(5);
		expect(Object.keys(programmeRows[0])).not.toContain('referral_id');
		expect(programme!.csv).not.toMatch(
			/Amina|Omar|doctor|three calls|Outside our area|residence permit|cmd/
		);
		expect(await exportProgrammeCsv(s.database.db, moderator, now)).toBeNull();
		expect(await exportProgrammeCsv(s.database.db, receiver, now)).toBeNull();

		const exports = await s.database.db
			.select({ actorId: auditLog.actorId, detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'referral.export')))
			.orderBy(auditLog.id);
		expect(exports.map((e) => e.detail)).toEqual([
			{ direction: 'received', personal: false, count: 5 },
			{ direction: 'sent', personal: true, count: 5 },
			{ personal: false, count: 5 }
		]);
	});

	it('defuses formulas but leaves numbers and phone numbers alone', () => {
		expect(safeCell('=1+1')).toBe("'=1+1");
		expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(safeCell('-2+3+cmd')).toBe("'-2+3+cmd");
		expect(safeCell('+33612345678')).toBe('+33612345678');
		expect(safeCell('12.5')).toBe('12.5');
		expect(safeCell('Amina')).toBe('Amina');
	});
});
