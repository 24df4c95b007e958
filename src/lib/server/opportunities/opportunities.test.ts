import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember, buildProfile } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { seedEsco, seedEscoRelations } from '../esco/seed-esco.ts';
import { moderationCase } from '../moderation/schema.ts';
import { decideCase } from '../moderation/decide.ts';
import { notification } from '../notifications/schema.ts';
import { addSkillEntry } from '../skills/profile.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { postOpportunity, type OpportunityDeps } from './post.ts';
import { opportunityAccess, searchOpportunities } from './read.ts';
import {
	applyTo,
	decideApplication,
	listApplications,
	messageApplication,
	myApplications,
	readApplication,
	withdrawApplication
} from './applications.ts';
import { closeDueOpportunities } from './close.ts';
import { reportOpportunity } from './report.ts';
import { rankOpportunitiesFor, suggestedOpportunities, suggestedPeople } from './suggest.ts';
import { opportunity, opportunityApplication } from './schema.ts';

const NURSE = 'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50';
const HYGIENE = 'http://data.europa.eu/esco/skill/0450eaee-1a00-4622-8f4e-5356fce816d2';
const RESPOND = 'http://data.europa.eu/esco/skill/049c8caf-dd12-45fc-9bfa-b64051f32a19';
const METAL = 'http://data.europa.eu/esco/skill/0b472dad-1a3f-456e-99ba-de5ffe8665c2';
const NOW = new Date('2027-03-01T10:00:00Z');

const post = (over: Record<string, unknown> = {}) => ({
	type: 'job',
	title: 'Aide-soignant·e de nuit',
	description: 'Un poste de nuit en EHPAD à Lyon, équipe accueillante, formation assurée.',
	language: 'fr',
	workplace: 'on_site',
	countries: ['fr'],
	origins: [],
	required: 'hygiene in a health care setting\n' + RESPOND,
	optional: '',
	languages: [{ code: 'fr', level: 'B1' }],
	deadline: '2027-04-30',
	pay: '1 900 € brut',
	...over
});

describe.each(DATABASES)('opportunities on $kind', (target) => {
	let s: AppContext;
	let deps: OpportunityDeps;
	type Member = { id: string; roles: ['member'] };
	let mod: Actor, poster: Member, amina: Member, bruno: Member;
	let jobId: string;

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, notifier: s.notifier };
		await seedEsco(s.database.db);
		await seedEscoRelations(s.database.db);
		const m = await buildMember(s, { roles: ['moderator'] });
		mod = { id: m.id, roles: ['member', 'moderator'] };
		const actor = async (fields: Parameters<typeof buildProfile>[1]) => {
			const made = await buildProfile(s, fields);
			return { id: made.id, roles: ['member'] } as Member;
		};
		poster = await actor({ name: 'Claire Martin', residence: 'FR' });
		amina = await actor({
			name: 'Amina Diallo',
			residence: 'FR',
			origin: ['SN'],
			languages: [{ code: 'fr', level: 'fluent' }]
		});
		bruno = await actor({ name: 'Bruno Costa', residence: 'PT' });
		// Amina is a nurse: the skills the job asks come with her occupation (ESCO's relations).
		await addSkillEntry(s.database.db, amina, 'occupation', { uri: NURSE });
		await addSkillEntry(s.database.db, bruno, 'skill', { uri: METAL });
	});
	afterAll(() => s.database.close());

	const publish = async (id: string) => {
		const [c] = await s.database.db
			.select()
			.from(moderationCase)
			.where(and(eq(moderationCase.kind, 'opportunity'), eq(moderationCase.subjectId, id)));
		expect(
			await decideCase(deps, mod, c.id, {
				action: 'restore',
				ground: 'other',
				statement: 'Reviewed: a real offer that follows the rules, published.'
			})
		).toMatchObject({ ok: true });
	};
	const noticesOf = (userId: string, kind: string) =>
		s.database.db
			.select()
			.from(notification)
			.where(and(eq(notification.userId, userId), eq(notification.kind, kind)));

	it('refuses a past deadline, unknown skills, a huge description, a level that does not exist; stores nothing', async () => {
		const cases: [Record<string, unknown>, Record<string, string>][] = [
			[{ deadline: '2027-02-28' }, { deadline: 'opportunity_error_deadline_past' }],
			[{ deadline: '2027-03-01' }, { deadline: 'opportunity_error_deadline_past' }],
			[{ deadline: '2027-02-30' }, { deadline: 'opportunity_error_deadline' }],
			[{ deadline: '2029-01-01' }, { deadline: 'opportunity_error_deadline_far' }],
			[
				{ required: 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000' },
				{ required: 'opportunity_error_skill_unknown' }
			],
			[{ optional: 'juggling with torches' }, { optional: 'opportunity_error_skill_unknown' }],
			[{ description: 'x'.repeat(1_000_000) }, { description: 'opportunity_error_description' }],
			[{ languages: [{ code: 'fr', level: 'D1' }] }, { languages: 'skills_error_level' }],
			[{ type: 'lottery' }, { type: 'opportunity_error_type' }],
			[{ countries: ['ZZ'] }, { countries: 'error_country_invalid' }]
		];
		for (const [over, errors] of cases)
			expect(
				await postOpportunity(deps, poster, post(over), { now: NOW }),
				JSON.stringify(over).slice(0, 80)
			).toEqual({ ok: false, kind: 'invalid', errors });
		expect(await postOpportunity(deps, null, post(), { now: NOW })).toMatchObject({
			ok: false,
			kind: 'forbidden'
		});
		expect(await s.database.db.select().from(opportunity)).toEqual([]);
	});

	it('waits for a moderator, then is found by words, type, country, skill and language', async () => {
		const made = await postOpportunity(deps, poster, post(), { now: NOW });
		if (!made.ok) throw new Error(JSON.stringify(made));
		expect(made.value.waiting).toBe(true);
		jobId = made.value.id;
		const [row] = await s.database.db.select().from(opportunity).where(eq(opportunity.id, jobId));
		// The label typed named ESCO's skill: both are kept as URIs, essential.
		expect(row.required).toEqual([HYGIENE, RESPOND]);
		expect(row.deadline.toISOString()).toBe('2027-04-30T23:59:59.999Z');
		const find = (f: Partial<Parameters<typeof searchOpportunities>[1]> = {}) =>
			searchOpportunities(s.database.db, { page: 1, ...f }, NOW).then((r) =>
				r.items.map((i) => i.id)
			);
		expect(await find()).toEqual([]);
		expect(await opportunityAccess(s.database.db, bruno, jobId)).toBeNull();
		expect(await opportunityAccess(s.database.db, poster, jobId)).not.toBeNull();
		await publish(jobId);
		expect(await find()).toEqual([jobId]);
		expect(await find({ q: 'ehpad nuit' })).toEqual([jobId]);
		expect(await find({ q: 'plombier' })).toEqual([]);
		expect(await find({ type: 'job' })).toEqual([jobId]);
		expect(await find({ type: 'volunteering' })).toEqual([]);
		expect(await find({ country: 'FR' })).toEqual([jobId]);
		expect(await find({ country: 'PT' })).toEqual([]);
		expect(await find({ skill: HYGIENE })).toEqual([jobId]);
		expect(await find({ skill: METAL })).toEqual([]);
		expect(await find({ language: 'fr' })).toEqual([jobId]);
		expect(await find({ language: 'es' })).toEqual([]);
		expect(await find({ deadlineAfter: '2027-04-30' })).toEqual([jobId]);
		expect(await find({ deadlineAfter: '2027-05-01' })).toEqual([]);
	});

	it('suggests it to the nurse and says why in her language; suggests her to the poster', async () => {
		const ranked = await rankOpportunitiesFor(s.database.db, amina.id, NOW);
		expect(ranked[0]).toMatchObject({ id: jobId });
		expect(ranked[0].score).toBeGreaterThan(0.7);
		const forBruno = await rankOpportunitiesFor(s.database.db, bruno.id, NOW);
		expect(forBruno[0].score).toBeLessThan(0.2);
		const mine = await suggestedOpportunities(s.database.db, amina, 'fr');
		expect(mine.map((m) => m.id)).toEqual([jobId]);
		expect(mine[0].reasons).toContain('Compétences essentielles : 2 sur 2.');
		expect(mine[0].reasons.join(' ')).toContain(
			'« hygiene in a health care setting » fait partie du métier « nurse responsible for general care »'
		);
		expect(mine[0].reasons).toContain('français : C1 (B1 demandé).');
		expect(await suggestedOpportunities(s.database.db, bruno, 'en')).toEqual([]);
		const people = await suggestedPeople(s.database.db, poster, jobId, 'en');
		expect(people?.map((p) => p.name)).toEqual(['Amina Diallo']);
		expect(await suggestedPeople(s.database.db, bruno, jobId, 'en')).toBeNull();
	});

	it('is reported by a member to the moderators; never by its poster', async () => {
		const reported = await reportOpportunity(s.database.db, bruno, jobId, {
			reason: 'scam',
			note: 'Asks for a fee to apply.'
		});
		expect(reported).toMatchObject({ ok: true });
		expect(
			await reportOpportunity(s.database.db, poster, jobId, { reason: 'scam', note: '' })
		).toMatchObject({ ok: false, kind: 'not_found' });
		const cases = await s.database.db
			.select()
			.from(moderationCase)
			.where(and(eq(moderationCase.kind, 'opportunity'), eq(moderationCase.subjectId, jobId)));
		expect(cases).toHaveLength(1);
	});

	it('takes one application, tells the poster, and shows the profile only when shared', async () => {
		const applied = await applyTo(
			deps,
			amina,
			jobId,
			{
				kind: 'apply',
				message: 'Bonjour, je suis infirmière et disponible la nuit.',
				shareProfile: true
			},
			NOW
		);
		if (!applied.ok) throw new Error(JSON.stringify(applied));
		const again = await applyTo(
			deps,
			amina,
			jobId,
			{ message: 'Encore moi, une seconde fois.' },
			NOW
		);
		expect(again).toMatchObject({
			ok: false,
			kind: 'conflict',
			errors: { form: 'opportunity_error_applied' }
		});
		expect(
			await applyTo(deps, poster, jobId, { message: 'My own post, really.' }, NOW)
		).toMatchObject({
			ok: false,
			errors: { form: 'opportunity_error_own' }
		});
		expect(await applyTo(deps, bruno, jobId, { message: 'short' }, NOW)).toMatchObject({
			ok: false,
			kind: 'invalid',
			errors: { message: 'opportunity_error_message' }
		});
		expect(await noticesOf(poster.id, 'opportunity_application')).toHaveLength(1);
		const id = applied.value.id;
		// The poster's side sees it with her skills profile; nobody else, not another applicant.
		const seen = await readApplication(s.database.db, poster, id, ['fr', 'en']);
		expect(seen?.applicant).toBe('Amina Diallo');
		expect(seen?.profile?.occupation[0].escoUri).toBe(NURSE);
		expect(await readApplication(s.database.db, bruno, id, ['en'])).toBeNull();
		expect(await listApplications(s.database.db, bruno, jobId)).toBeNull();
		expect((await listApplications(s.database.db, poster, jobId))?.applications).toMatchObject([
			{ name: 'Amina Diallo', status: 'new', shareProfile: true }
		]);
		expect((await readApplication(s.database.db, amina, id, ['fr']))?.profile).not.toBeNull();

		// Shortlisted, then declined: a reason is required, and she is told each time.
		expect(await decideApplication(deps, amina, id, { status: 'accepted' })).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		expect(await decideApplication(deps, poster, id, { status: 'shortlisted' })).toEqual({
			ok: true,
			value: { status: 'shortlisted' }
		});
		expect(await decideApplication(deps, poster, id, { status: 'declined' })).toEqual({
			ok: false,
			kind: 'invalid',
			errors: { reason: 'opportunity_error_reason' }
		});
		expect(await decideApplication(deps, poster, id, { status: 'hired' })).toMatchObject({
			ok: false,
			kind: 'invalid'
		});
		expect(
			await decideApplication(deps, poster, id, { status: 'declined', reason: 'filled' })
		).toMatchObject({ ok: true });
		expect(await noticesOf(amina.id, 'opportunity_status')).toHaveLength(2);
		expect(await myApplications(s.database.db, amina.id)).toMatchObject([
			{ title: 'Aide-soignant·e de nuit', status: 'declined', declineReason: 'filled' }
		]);

		// They write to each other about it; each is told.
		expect(
			await messageApplication(deps, poster, id, { body: 'Merci, nous gardons votre profil.' })
		).toEqual({ ok: true, value: undefined });
		expect(await messageApplication(deps, amina, id, { body: 'Merci beaucoup.' })).toMatchObject({
			ok: true
		});
		expect(await messageApplication(deps, bruno, id, { body: 'Hello?' })).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		expect(await messageApplication(deps, amina, id, { body: '   ' })).toMatchObject({
			ok: false,
			kind: 'invalid'
		});
		expect(await noticesOf(amina.id, 'opportunity_message')).toHaveLength(1);
		expect(await noticesOf(poster.id, 'opportunity_message')).toHaveLength(1);
		expect(
			(await readApplication(s.database.db, amina, id, ['fr']))?.messages.map((m) => m.body)
		).toEqual(['Merci, nous gardons votre profil.', 'Merci beaucoup.']);
	});

	it('an application without the profile keeps it private; the applicant may withdraw', async () => {
		const applied = await applyTo(
			deps,
			bruno,
			jobId,
			{ kind: 'interest', message: 'Interested, I can learn fast.' },
			NOW
		);
		if (!applied.ok) throw new Error('not applied');
		expect(
			(await readApplication(s.database.db, poster, applied.value.id, ['en']))?.profile
		).toBeNull();
		expect(await withdrawApplication(s.database.db, poster, applied.value.id)).toMatchObject({
			ok: false
		});
		expect(await withdrawApplication(s.database.db, bruno, applied.value.id)).toMatchObject({
			ok: true
		});
		expect(
			await s.database.db
				.select()
				.from(opportunityApplication)
				.where(eq(opportunityApplication.id, applied.value.id))
		).toEqual([]);
	});

	it('closes by itself after its last day and tells the poster once', async () => {
		const lastDay = new Date('2027-04-30T23:00:00Z');
		expect(await closeDueOpportunities(deps, lastDay)).toBe(0);
		const after = new Date('2027-05-01T00:00:00Z');
		// Past its deadline it is no longer listed, even before the job runs.
		expect((await searchOpportunities(s.database.db, { page: 1 }, after)).items).toEqual([]);
		expect(await closeDueOpportunities(deps, after)).toBe(1);
		expect(await closeDueOpportunities(deps, after)).toBe(0);
		expect(await noticesOf(poster.id, 'opportunity_closed')).toHaveLength(1);
		expect(
			await applyTo(deps, bruno, jobId, { message: 'Too late, perhaps?' }, after)
		).toMatchObject({
			ok: false,
			errors: { form: 'opportunity_error_closed' }
		});
	});

	it('goes with its poster’s account, applications with it', async () => {
		expect((await deleteMyAccount({ db: s.database.db, storage: s.storage }, poster.id)).ok).toBe(
			true
		);
		expect(await s.database.db.select().from(opportunity).where(eq(opportunity.id, jobId))).toEqual(
			[]
		);
	});
});
