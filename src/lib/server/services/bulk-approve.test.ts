import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember, noticeDeps } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { approveOrganisations, reviewOrganisation } from '../organisations/memberships.ts';
import { notification } from '../notifications/schema.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { saveService } from './save-service.ts';
import { approveServices, decideReview, reviewQueue } from './review.ts';

const legal = DEFAULT_TERMS.find((t) => t.code === 'legal')!.id;
const serviceForm = (name: string) => ({
	locale: 'en',
	texts: {
		name,
		description: 'Advice on residence permits.',
		eligibility: '',
		applicationProcess: '',
		feesDescription: '',
		interpretation: '',
		documents: ''
	},
	status: 'active',
	termIds: [legal],
	languages: ['en'],
	free: true,
	minimumAge: '',
	maximumAge: '',
	url: '',
	email: '',
	phone: '',
	locationIds: [] as string[],
	hours: Array.from({ length: 7 }, () => ({ opens: '', closes: '' })),
	hoursNote: ''
});

// Curators approve several pending organisations or services at once; each is its own decision,
// with its notices, and one decided meanwhile by someone else is left as it was.
describe.each(DATABASES)('approving several at once on $kind', (target) => {
	let s: AppContext;
	let admin: Actor;
	let owner: Actor;
	const opts = { timeZone: 'UTC' };
	beforeAll(async () => {
		s = await testServices(target);
		admin = {
			id: (await buildMember(s, { roles: ['administrator'] })).id,
			roles: ['member', 'administrator']
		};
		owner = { id: (await buildMember(s)).id, roles: ['member'] };
	});
	afterAll(() => s.database.close());

	const pendingOrganisation = async (name: string) => {
		const id = randomUUID();
		await s.database.db
			.insert(organisation)
			.values({ id, slug: `o-${id.slice(0, 8)}`, name, kind: 'ngo', status: 'pending' });
		await s.database.db
			.insert(organisationMember)
			.values({ organisationId: id, userId: owner!.id, role: 'admin', status: 'active' });
		return id;
	};
	const noticesOf = async (kind: string) =>
		(
			await s.database.db.select().from(notification).where(eq(notification.userId, owner!.id))
		).filter((n) => n.kind === kind);

	it('organisations: the ticked ones are approved and their admins told; others are untouched', async () => {
		const [a, b, c, d] = await Promise.all(
			['Alpha aid', 'Beta aid', 'Gamma aid', 'Delta aid'].map(pendingOrganisation)
		);
		expect(await approveOrganisations(noticeDeps(s), owner, [a])).toMatchObject({
			kind: 'forbidden'
		});
		expect(await approveOrganisations(noticeDeps(s), admin, [])).toMatchObject({
			kind: 'invalid',
			errors: { organisations: 'error_bulk_none_selected' }
		});
		// Another administrator rejected Gamma meanwhile.
		await reviewOrganisation(noticeDeps(s), admin, c, 'rejected', 'Not an organisation');
		const result = await approveOrganisations(noticeDeps(s), admin, [a, b, c, a, 'unknown-id']);
		expect(result).toEqual({
			ok: true,
			value: { approved: ['Alpha aid', 'Beta aid'], skipped: ['Gamma aid'] }
		});
		const statuses = await s.database.db
			.select({ id: organisation.id, status: organisation.status })
			.from(organisation);
		const status = (id: string) => statuses.find((o) => o.id === id)?.status;
		expect([status(a), status(b), status(c), status(d)]).toEqual([
			'approved',
			'approved',
			'rejected',
			'pending'
		]);
		expect(await noticesOf('organisation_approved')).toHaveLength(2);
	});

	it('services: the ticked ones are published together; one returned meanwhile stays returned', async () => {
		const db = s.database.db;
		const orgId = await pendingOrganisation('Services aid');
		await reviewOrganisation(noticeDeps(s), admin, orgId, 'approved');
		const ids: string[] = [];
		for (const name of ['Clinic one', 'Clinic two', 'Clinic three']) {
			const saved = await saveService(
				db,
				owner,
				{ organisationId: orgId, serviceId: null },
				serviceForm(name),
				opts
			);
			if (!saved.ok) throw new Error('not saved');
			ids.push(saved.value.id);
		}
		await decideReview(noticeDeps(s), admin, ids[2], { approve: false, note: 'Add hours' }, opts);
		expect(await approveServices(noticeDeps(s), owner, ids, opts)).toMatchObject({
			kind: 'forbidden'
		});
		const result = await approveServices(noticeDeps(s), admin, ids, opts);
		expect(result).toEqual({
			ok: true,
			value: { approved: ['Clinic one', 'Clinic two'], skipped: ['Clinic three'] }
		});
		expect((await reviewQueue(db)).map((r) => r.id)).not.toContain(ids[0]);
		expect(await noticesOf('service_approved')).toHaveLength(2);
		expect(await noticesOf('service_returned')).toHaveLength(1);
	});
});
