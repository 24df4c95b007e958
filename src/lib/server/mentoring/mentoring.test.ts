import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { seedEsco, seedEscoRelations } from '../esco/seed-esco.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { notification } from '../notifications/schema.ts';
import { addSkillEntry } from '../skills/profile.ts';
import { exportMyData } from '../privacy/export-my-data.ts';
import {
	applyToProgramme,
	createProgramme,
	programmeAccess,
	readProgramme,
	type MentoringDeps
} from './programmes.ts';
import { confirmPairs, suggestCohort } from './cohort.ts';
import {
	addGoal,
	endProgramme,
	giveFeedback,
	leavePair,
	logSession,
	markGoal,
	readPair
} from './pairs.ts';
import { programmeDashboard } from './dashboard.ts';
import { remindQuietMentors } from './reminders.ts';
import { mentoringApplication, mentoringPair } from './schema.ts';

const NURSE = 'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50';
const SOFTWARE = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const DAY = 86_400_000;
const START = new Date('2027-01-10T09:00:00Z');

type Member = { id: string; roles: ['member'] };

describe.each(DATABASES)('mentoring on $kind', (target) => {
	let s: AppContext;
	let deps: MentoringDeps;
	let coordinator: Member, outsider: Member;
	const people: Record<string, Member> = {};
	let programmeId: string;

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, notifier: s.notifier };
		await seedEsco(s.database.db);
		await seedEscoRelations(s.database.db);
		const make = async (name: string) => {
			const m = await buildProfile(s, { name });
			return { id: m.id, roles: ['member'] } as Member;
		};
		coordinator = await make('Coordinatrice');
		outsider = await make('Outsider');
		for (const name of ['Hélène', 'Mohammed', 'Lucía', 'Sami', 'Nadia', 'Omar', 'Tran'])
			people[name] = await make(name);
		await s.database.db
			.insert(organisation)
			.values({ id: 'org-m', slug: 'maison', name: 'Maison', kind: 'ngo', status: 'approved' });
		await s.database.db.insert(organisationMember).values({
			organisationId: 'org-m',
			userId: coordinator.id,
			role: 'admin',
			status: 'active'
		});
		// Hélène is a nurse, Mohammed a software developer: ESCO's relations give them skills.
		await addSkillEntry(s.database.db, people['Hélène'], 'occupation', { uri: NURSE });
		await addSkillEntry(s.database.db, people.Mohammed, 'occupation', { uri: SOFTWARE });
	});
	afterAll(() => s.database.close());

	const application = (role: string, skills: string, over: Record<string, unknown> = {}) => ({
		role,
		goals: 'To find my way in my trade here, and help others do the same.',
		skills,
		languages: [{ code: 'fr', level: 'C1' }],
		country: 'FR',
		utcOffset: 1,
		availability: 'Tuesday evenings',
		capacity: 1,
		...over
	});

	it('only an organisation’s staff start a programme; bad input is said and nothing stored', async () => {
		const raw = {
			title: 'Marrainage professionnel',
			description: 'Des professionnelles installées accompagnent des nouvelles arrivantes.',
			kind: 'twinning',
			language: 'fr',
			reminderDays: '7'
		};
		expect(await createProgramme(s.database.db, outsider, 'maison', raw)).toMatchObject({
			ok: false,
			errors: { organisation: 'mentoring_error_organisation' }
		});
		expect(
			await createProgramme(s.database.db, coordinator, 'maison', { ...raw, reminderDays: '0' })
		).toMatchObject({ ok: false, errors: { reminderDays: 'mentoring_error_reminder' } });
		const made = await createProgramme(s.database.db, coordinator, 'maison', raw, { now: START });
		if (!made.ok) throw new Error(JSON.stringify(made));
		programmeId = made.value.id;
		expect((await readProgramme(s.database.db, null, programmeId))?.programme.title).toBe(
			'Marrainage professionnel'
		);
	});

	it('takes applications once, with skills ESCO knows, a time zone and languages', async () => {
		const apply = (who: Member, raw: Record<string, unknown>) =>
			applyToProgramme(s.database.db, who, programmeId, raw, START);
		const bad: [Record<string, unknown>, Record<string, string>][] = [
			[application('boss', ''), { role: 'mentoring_error_role' }],
			[
				application('mentee', 'juggling with torches'),
				{ skills: 'opportunity_error_skill_unknown' }
			],
			[application('mentee', '', { utcOffset: 20 }), { utcOffset: 'mentoring_error_time_zone' }],
			[application('mentee', '', { languages: [] }), { languages: 'mentoring_error_languages' }],
			[
				application('mentee', '', { languages: [{ code: 'fr', level: 'Z9' }] }),
				{ languages: 'skills_error_level' }
			]
		];
		for (const [raw, errors] of bad)
			expect(await apply(people.Sami, raw)).toEqual({ ok: false, kind: 'invalid', errors });
		expect(
			await s.database.db
				.select()
				.from(mentoringApplication)
				.where(eq(mentoringApplication.userId, people.Sami.id))
		).toEqual([]);
		// Two mentors; three mentees whose goals fit one mentor each, one who speaks no shared language.
		expect((await apply(people['Hélène'], application('mentor', '', { capacity: 2 }))).ok).toBe(
			true
		);
		expect((await apply(people.Mohammed, application('mentor', ''))).ok).toBe(true);
		expect(
			(await apply(people.Sami, application('mentee', 'hygiene in a health care setting'))).ok
		).toBe(true);
		expect(
			(
				await apply(
					people.Nadia,
					application('mentee', 'provide professional care in nursing', { utcOffset: 3 })
				)
			).ok
		).toBe(true);
		expect(
			(await apply(people.Omar, application('mentee', 'provide technical documentation'))).ok
		).toBe(true);
		expect(
			(
				await apply(
					people.Tran,
					application('mentee', 'provide technical documentation', {
						languages: [{ code: 'vi', level: 'native' }]
					})
				)
			).ok
		).toBe(true);
		expect(
			await apply(people.Sami, application('mentee', 'hygiene in a health care setting'))
		).toMatchObject({ ok: false, errors: { form: 'mentoring_error_applied' } });
	});

	it('suggests the optimal cohort with reasons, to the coordinator only, and confirms it', async () => {
		expect(await suggestCohort(s.database.db, outsider, programmeId, 'en')).toBeNull();
		const cohort = await suggestCohort(s.database.db, coordinator, programmeId, 'en');
		if (!cohort) throw new Error('no cohort');
		expect(cohort.pairs.map((p) => `${p.mentor.name}-${p.mentee.name}`).sort()).toEqual([
			'Hélène-Nadia',
			'Hélène-Sami',
			'Mohammed-Omar'
		]);
		expect(cohort.unmatched.map((u) => u.name)).toEqual(['Tran']);
		const nadia = cohort.pairs.find((p) => p.mentee.name === 'Nadia')!;
		expect(nadia.reasons).toEqual([
			'Essential skills: 1 of 1.',
			'“provide professional care in nursing” comes with the occupation “nurse responsible for general care”.',
			'In France, or for people from there.',
			'Both speak French.',
			'Time zones 2 h apart.'
		]);
		expect(await confirmPairs(deps, outsider, programmeId, 'all')).toMatchObject({ ok: false });
		expect(await confirmPairs(deps, coordinator, programmeId, ['nobody:nothing'])).toMatchObject({
			ok: false,
			errors: { form: 'mentoring_error_no_pairs' }
		});
		expect(await confirmPairs(deps, coordinator, programmeId, 'all', START)).toEqual({
			ok: true,
			value: { confirmed: 3 }
		});
		const told = await s.database.db
			.select()
			.from(notification)
			.where(eq(notification.kind, 'mentoring_paired'));
		expect(told).toHaveLength(6);
		// Nothing left to pair but Tran.
		expect((await suggestCohort(s.database.db, coordinator, programmeId, 'en'))?.pairs).toEqual([]);
	});

	const pairOf = async (mentee: string) => {
		const [p] = await s.database.db
			.select()
			.from(mentoringPair)
			.where(
				and(
					eq(mentoringPair.programmeId, programmeId),
					eq(mentoringPair.menteeId, people[mentee].id)
				)
			);
		return p.id;
	};

	it('keeps session notes to the two of them; goals and sessions count on the dashboard', async () => {
		const pair = await pairOf('Sami');
		const at = new Date(START.getTime() + 3 * DAY);
		expect(
			await logSession(
				s.database.db,
				people.Sami,
				pair,
				{ day: '2027-01-12', minutes: '45', notes: 'I fear the exam.' },
				at
			)
		).toEqual({ ok: true, value: undefined });
		expect(
			await logSession(s.database.db, people.Sami, pair, { day: '2027-02-12', minutes: '45' }, at)
		).toMatchObject({ ok: false, errors: { day: 'mentoring_error_day_future' } });
		expect(
			await logSession(s.database.db, people.Sami, pair, { day: '2027-01-12', minutes: '1' }, at)
		).toMatchObject({ ok: false, errors: { minutes: 'mentoring_error_minutes' } });
		expect(
			await logSession(s.database.db, people.Omar, pair, { day: '2027-01-12', minutes: '30' }, at)
		).toMatchObject({ ok: false, kind: 'not_found' });
		expect(
			(
				await addGoal(
					s.database.db,
					people['Hélène'],
					pair,
					{ title: 'Pass the French B2 exam' },
					at
				)
			).ok
		).toBe(true);
		const mine = await readPair(s.database.db, people.Sami, pair);
		expect(mine?.sessions[0].notes).toBe('I fear the exam.');
		expect((await readPair(s.database.db, people['Hélène'], pair))?.sessions[0].notes).toBe(
			'I fear the exam.'
		);
		// The coordinator sees that a session was held, never what was said.
		const seen = await readPair(s.database.db, coordinator, pair);
		expect(seen?.sessions[0]).toMatchObject({ minutes: 45, notes: null });
		expect(await readPair(s.database.db, outsider, pair)).toBeNull();
		expect(await readPair(s.database.db, people.Omar, pair)).toBeNull();
		expect((await markGoal(s.database.db, people.Sami, pair, mine!.goals[0].id, true, at)).ok).toBe(
			true
		);
		const board = await programmeDashboard(s.database.db, coordinator, programmeId);
		expect(board?.totals).toMatchObject({
			mentors: 2,
			mentees: 4,
			pairs: 3,
			active: 3,
			sessions: 1,
			goals: 1,
			goalsMet: 1,
			dropped: 0
		});
		expect(JSON.stringify(board)).not.toContain('I fear the exam');
		expect(await programmeDashboard(s.database.db, people.Sami, programmeId)).toBeNull();
	});

	it('reminds a quiet mentor once per silence', async () => {
		// Hélène logged a goal on day 3 for Sami; nothing with Nadia; Mohammed nothing at all.
		const day8 = new Date(START.getTime() + 8 * DAY);
		expect(await remindQuietMentors(deps, day8)).toBe(2);
		expect(await remindQuietMentors(deps, day8)).toBe(0);
		const day11 = new Date(START.getTime() + 11 * DAY);
		expect(await remindQuietMentors(deps, day11)).toBe(1);
		const reminded = await s.database.db
			.select()
			.from(notification)
			.where(eq(notification.kind, 'mentoring_reminder'));
		expect(reminded.map((n) => n.userId).sort()).toEqual(
			[people['Hélène'].id, people.Mohammed.id, people['Hélène'].id].sort()
		);
	});

	it('counts a drop-out, then ends the programme and takes each one’s feedback once', async () => {
		const omar = await pairOf('Omar');
		expect((await leavePair(deps, people.Omar, omar)).ok).toBe(true);
		expect(
			await logSession(s.database.db, people.Mohammed, omar, { day: '2027-01-12', minutes: '30' })
		).toMatchObject({ ok: false });
		const sami = await pairOf('Sami');
		expect(await giveFeedback(s.database.db, people.Sami, sami, { rating: '5' })).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		expect(await endProgramme(deps, people.Sami, programmeId)).toMatchObject({ ok: false });
		expect(await endProgramme(deps, coordinator, programmeId)).toEqual({
			ok: true,
			value: { ended: 2 }
		});
		expect(await giveFeedback(s.database.db, people.Sami, sami, { rating: '6' })).toMatchObject({
			ok: false,
			errors: { rating: 'mentoring_error_rating' }
		});
		expect(
			await giveFeedback(s.database.db, people.Sami, sami, {
				rating: '5',
				comment: 'Merci Hélène !'
			})
		).toEqual({ ok: true, value: undefined });
		expect(await giveFeedback(s.database.db, people.Sami, sami, { rating: '4' })).toMatchObject({
			ok: false,
			kind: 'conflict'
		});
		expect((await giveFeedback(s.database.db, people['Hélène'], sami, { rating: '4' })).ok).toBe(
			true
		);
		const board = await programmeDashboard(s.database.db, coordinator, programmeId);
		expect(board?.totals).toMatchObject({ active: 0, dropped: 1, rating: 4.5 });
		expect(board?.pairs.find((p) => p.mentee === 'Omar')).toMatchObject({
			status: 'dropped',
			droppedBy: 'mentee'
		});
		expect((await programmeAccess(s.database.db, people.Tran, programmeId))?.may('apply')).toBe(
			false
		);
		const exported = await exportMyData(s.database.db, people.Sami.id);
		expect(exported?.mentoring).toMatchObject({
			applications: [{ role: 'mentee' }],
			pairs: [{ role: 'mentee', status: 'ended' }],
			sessions: [{ notes: 'I fear the exam.' }],
			feedback: [{ rating: 5 }]
		});
	});
});
