import { noticeDeps } from '../test/factories.ts';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryQuery } from '#lib/members/directory.ts';
import { serviceQuery } from '#lib/services/search-query.ts';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { homeOrganisations } from './home-organisations.ts';
import { searchOrganisations } from './search-organisations.ts';
import { createOrganisation } from './create-organisation.ts';
import { getOrganisation } from './get-organisation.ts';
import { reviewOrganisation } from './memberships.ts';
import { searchServices } from '../services/search-services.ts';
import { getService, serviceIdForCode } from '../services/get-service.ts';
import { publishedServicesOf } from '../services/organisation-services.ts';
import { saveLocation, saveService } from '../services/save-service.ts';
import { decideReview } from '../services/review.ts';
import {
	getOrganization,
	getService as getHsdsService,
	getServiceAtLocation,
	hsdsQuery,
	listOrganizations,
	listServiceAtLocations,
	listServices
} from '../services/hsds/api-queries.ts';
import { exportHsds } from '../services/hsds/export.ts';

const opts = { timeZone: 'UTC' };
const legal = DEFAULT_TERMS.find((t) => t.code === 'legal')!.id;
const noHours = Array.from({ length: 7 }, () => ({ opens: '', closes: '' }));

/** Three organisations alike but for their status; each word below appears in one only. */
const ORGS = {
	approved: { name: 'Aa Brightwater Welcome', word: 'brightwater', about: 'Ostrevant mentoring' },
	pending: { name: 'Aa Quillfeather Collective', word: 'quillfeather', about: 'Vexmoor counsel' },
	rejected: { name: 'Aa Zorvanek Circle', word: 'zorvanek', about: 'Pellucid housing' }
} as const;
type Status = keyof typeof ORGS;

const serviceForm = (name: string, description: string, locationId: string) => ({
	locale: 'en',
	texts: {
		name,
		description,
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
	locationIds: [locationId],
	hours: noHours,
	hoursNote: ''
});
const place = {
	name: 'Drop-in office',
	address1: '1 rue Exemple',
	city: 'Lyon',
	region: '',
	postalCode: '69002',
	country: 'FR',
	latitude: '45.75',
	longitude: '4.83',
	timeZone: 'Europe/Paris',
	accessibility: '',
	transportation: ''
};

describe.each(DATABASES)('only approved organisations are public, on $kind', (target) => {
	let s: AppContext;
	let admin: Actor;
	let outsider: Actor;
	const founders = {} as Record<Status, Actor>;
	const orgs = {} as Record<Status, { id: string; slug: string }>;
	const services = {} as Record<Status, string>;

	beforeAll(async () => {
		s = await testServices(target);
		const db = s.database.db;
		admin = {
			id: (await buildMember(s, { roles: ['administrator'] })).id,
			roles: ['member', 'administrator']
		};
		outsider = { id: (await buildMember(s)).id, roles: ['member'] };
		for (const status of Object.keys(ORGS) as Status[]) {
			const o = ORGS[status];
			const founder: Actor = { id: (await buildMember(s)).id, roles: ['member'] };
			founders[status] = founder;
			const created = await createOrganisation(db, founder, {
				name: o.name,
				kind: 'ngo',
				description: `${o.about} for newcomers.`,
				countries: ['FR', 'ML'],
				sectors: ['legal'],
				website: '',
				contentLocale: 'en'
			});
			if (!created.ok) throw new Error(`organisation not created: ${JSON.stringify(created)}`);
			orgs[status] = { id: created.value.id, slug: created.value.slug };
			// Staff of a pending organisation may already prepare services; a curator publishes them.
			const office = await saveLocation(
				db,
				founder,
				{ organisationId: created.value.id, locationId: null },
				place,
				opts
			);
			if (!office.ok) throw new Error('place not saved');
			const saved = await saveService(
				db,
				founder,
				{ organisationId: created.value.id, serviceId: null },
				serviceForm(`${o.word} legal desk`, `${o.about}, ${o.word} appointments.`, office.value.id),
				opts
			);
			if (!saved.ok) throw new Error(`service not saved: ${JSON.stringify(saved)}`);
			services[status] = saved.value.id;
			expect(
				await decideReview(noticeDeps(s), admin, saved.value.id, { approve: true, note: '' }, opts)
			).toEqual({
				ok: true
			});
		}
		expect((await reviewOrganisation(noticeDeps(s), admin, orgs.approved.id, 'approved')).ok).toBe(
			true
		);
		expect(
			(
				await reviewOrganisation(
					noticeDeps(s),
					admin,
					orgs.rejected.id,
					'rejected',
					'Not an organisation.'
				)
			).ok
		).toBe(true);
	});
	afterAll(() => s.database.close());

	/** Everything an operation returned, as one lower-case text to search for the organisations' words. */
	const text = (value: unknown) => JSON.stringify(value).toLowerCase();
	const hidden = (value: unknown) => {
		const all = text(value);
		return (['pending', 'rejected'] as const).filter((status) =>
			[
				ORGS[status].word,
				ORGS[status].about.toLowerCase(),
				orgs[status].slug,
				orgs[status].id,
				services[status]
			].some((needle) => all.includes(needle))
		);
	};

	it('the home page lists approved organisations only', async () => {
		const summary = { organisations: await homeOrganisations(s.database.db) };
		expect(summary.organisations.map((o) => o.name)).toContain(ORGS.approved.name);
		expect(hidden(summary)).toEqual([]);
	});

	it('the directory finds approved organisations only, by name, description, kind or country', async () => {
		const db = s.database.db;
		const search = (q: Record<string, string>) =>
			searchOrganisations(db, directoryQuery.parse({ type: 'organisations', ...q }));
		const every = await search({});
		expect(every.items.map((o) => o.slug)).toEqual([orgs.approved.slug]);
		expect(every.total).toBe(1);
		const filters: Record<string, string>[] = [
			{ q: 'brightwater' },
			{ q: 'ostrevant' },
			{ kind: 'ngo' },
			{ residence: 'ML' }
		];
		for (const q of filters)
			expect((await search(q)).items.map((o) => o.slug)).toEqual([orgs.approved.slug]);
		for (const status of ['pending', 'rejected'] as const) {
			const byName = await search({ q: ORGS[status].word });
			const byDescription = await search({ q: ORGS[status].about.split(' ')[0] });
			expect([byName.total, byDescription.total]).toEqual([0, 0]);
		}
	});

	it('an organisation page is there for the public once approved; before, only for its admins and administrators', async () => {
		const db = s.database.db;
		expect((await getOrganisation(db, null, orgs.approved.slug))?.organisation.name).toBe(
			ORGS.approved.name
		);
		for (const status of ['pending', 'rejected'] as const) {
			const slug = orgs[status].slug;
			expect(await getOrganisation(db, null, slug)).toBeNull();
			expect(await getOrganisation(db, outsider, slug)).toBeNull();
			expect((await getOrganisation(db, founders[status], slug))?.organisation.status).toBe(status);
			expect((await getOrganisation(db, admin, slug))?.organisation.status).toBe(status);
		}
	});

	it('service search, service pages and an organisation’s service list show approved organisations only', async () => {
		const db = s.database.db;
		const search = (q: Record<string, string>) =>
			searchServices(db, serviceQuery.parse(q), { locale: 'en' });
		expect((await search({ q: 'brightwater' })).items.map((i) => i.id)).toEqual([
			services.approved
		]);
		const all = await search({ need: 'legal', place: 'Lyon' });
		expect(all.items.map((i) => i.id)).toEqual([services.approved]);
		expect(hidden(all)).toEqual([]);
		for (const status of ['pending', 'rejected'] as const) {
			expect((await search({ q: ORGS[status].word })).total).toBe(0);
			expect(await getService(db, null, services[status], { locale: 'en' })).toBeNull();
			expect(await getService(db, outsider, services[status], { locale: 'en' })).toBeNull();
			expect(await publishedServicesOf(db, orgs[status].id, 'en')).toEqual([]);
			// Its staff still see their own service, and their short link leads them to it.
			const own = await getService(db, founders[status], services[status], { locale: 'en' });
			expect(own?.id).toBe(services[status]);
			expect(await serviceIdForCode(db, own!.shortCode)).toBeNull();
			expect(await serviceIdForCode(db, own!.shortCode, outsider)).toBeNull();
			expect(await serviceIdForCode(db, own!.shortCode, founders[status])).toBe(services[status]);
		}
		const open = await getService(db, null, services.approved, { locale: 'en' });
		expect(await serviceIdForCode(db, open!.shortCode)).toBe(services.approved);
		expect((await publishedServicesOf(db, orgs.approved.id, 'en')).map((r) => r.id)).toEqual([
			services.approved
		]);
	});

	it('the HSDS API and export carry approved organisations only', async () => {
		const db = s.database.db;
		const q = (raw: Record<string, string> = {}) => hsdsQuery.parse(raw);
		const organizations = await listOrganizations(db, q());
		expect(organizations.contents.map((o) => o.id)).toEqual([orgs.approved.id]);
		const listed = await listServices(db, q());
		expect(listed.contents.map((o) => o.id)).toEqual([services.approved]);
		const links = await listServiceAtLocations(db, q());
		expect(links.contents).toHaveLength(1);
		expect(hidden([organizations, listed, links])).toEqual([]);
		for (const status of ['pending', 'rejected'] as const) {
			expect(await getOrganization(db, orgs[status].id)).toBeNull();
			expect(await getHsdsService(db, services[status])).toBeNull();
			expect((await listOrganizations(db, q({ search: ORGS[status].word }))).total_items).toBe(0);
			expect((await listServices(db, q({ search: ORGS[status].word }))).total_items).toBe(0);
			expect((await listServices(db, q({ organization_id: orgs[status].id }))).total_items).toBe(0);
		}
		const link = links.contents[0];
		expect((await getServiceAtLocation(db, link.id as string))?.id).toBe(link.id);

		const dir = await mkdtemp(path.join(tmpdir(), 'passerelle-public-orgs-'));
		const counts = await exportHsds(db, dir);
		expect(counts).toMatchObject({ services: 1, organizations: 1, serviceAtLocations: 1 });
		const files = await Promise.all(
			['services.json', 'organizations.json', 'service_at_locations.json'].map((f) =>
				readFile(path.join(dir, f), 'utf8')
			)
		);
		expect(hidden(files)).toEqual([]);
	});
});
