import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY, DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { DATABASES, testServices } from '../../test/databases.ts';
import type { AppContext } from '../../app/context.ts';
import { setApp } from '#lib/server/app/app.ts';
import { organisation } from '../../organisations/schema.ts';
import { service } from '../schema.ts';
import {
	getOrganization,
	getService,
	getServiceAtLocation,
	getTaxonomy,
	getTaxonomyTerm,
	hsdsQuery,
	listOrganizations,
	listServiceAtLocations,
	listServices,
	listTaxonomies,
	listTaxonomyTerms,
	parseHsdsQuery
} from './api-queries.ts';
import { hsdsItem, hsdsList, hsdsMeta, hsdsOpenApiResponse } from '#lib/http/hsds-respond.ts';
import { importHsds } from './import.ts';
import { example, tempDir, writeJson } from './test-fixtures.ts';
import { validateHsds } from './validate.ts';

type Doc = Record<string, unknown>;
const q = (raw: Record<string, string> = {}) => hsdsQuery.parse(raw);
const ids = (page: { contents: Doc[] }) => page.contents.map((d) => d.id);

describe.each(DATABASES)('HSDS API queries on $kind', (target) => {
	let s: AppContext;
	const full = example('service_full.json');
	const term = ((full.attributes as Doc[])[0].taxonomy_term as Doc).id as string;
	const orgA = (full.organization as Doc).id as string;
	const counselling = full.id as string;
	const french = randomUUID();
	const pendingOrg = randomUUID();
	const ofPending = randomUUID();
	const unpublished = randomUUID();
	const unpublishedLink = randomUUID();
	const languageCourses = DEFAULT_TERMS.find((t) => t.code === 'language-courses')?.id as string;

	beforeAll(async () => {
		s = await testServices(target);
		const dir = tempDir();
		const plain = (id: string, name: string, organization_id: string, extra: Doc = {}) => ({
			id,
			name,
			status: 'active',
			organization_id,
			last_modified: '2025-01-10T00:00:00Z',
			...extra
		});
		const result = await importHsds(
			s.database.db,
			await writeJson(dir, 'api.json', [
				full,
				{
					id: pendingOrg,
					name: 'Waiting Org',
					description: 'Not approved yet',
					website: 'https://w.example'
				},
				plain(french, 'Cours de français', orgA, {
					attributes: [{ id: randomUUID(), taxonomy_term_id: languageCourses }]
				}),
				plain(ofPending, 'Counselling elsewhere', pendingOrg),
				plain(unpublished, 'Counselling draft', orgA, {
					service_at_locations: [
						{ id: unpublishedLink, location: { id: randomUUID(), location_type: 'physical' } }
					]
				})
			])
		);
		expect(result).toMatchObject({ ok: true, services: 4 });
		await s.database.db
			.update(organisation)
			.set({ status: 'pending' })
			.where(eq(organisation.id, pendingOrg));
		await s.database.db
			.update(service)
			.set({ published: false })
			.where(eq(service.id, unpublished));
	});
	afterAll(() => s.database.close());

	it('lists visible services in the HSDS pagination envelope', async () => {
		const db = s.database.db;
		const all = await listServices(db, q());
		expect(all).toMatchObject({
			total_items: 2,
			total_pages: 1,
			page_number: 1,
			size: 2,
			first_page: true,
			last_page: true,
			empty: false
		});
		expect(ids(all).sort()).toEqual([counselling, french].sort());
		for (const doc of all.contents) expect(validateHsds('service', doc)).toEqual([]);

		const second = await listServices(db, q({ per_page: '1', page: '2' }));
		expect(second).toMatchObject({
			total_items: 2,
			total_pages: 2,
			page_number: 2,
			size: 1,
			first_page: false,
			last_page: true,
			empty: false
		});
		const first = await listServices(db, q({ per_page: '1' }));
		expect([...ids(first), ...ids(second)].sort()).toEqual(ids(all).sort());
		expect(await listServices(db, q({ per_page: '1', page: '3' }))).toMatchObject({
			size: 0,
			empty: true,
			last_page: true,
			contents: []
		});
	});

	it('refuses bad paging and dates', () => {
		const parse = (query: string) => parseHsdsQuery(new URL(`http://x/api/hsds/services?${query}`));
		expect(parse('per_page=101').success).toBe(false);
		expect(parse('per_page=0').success).toBe(false);
		expect(parse('page=-1').success).toBe(false);
		expect(parse('modified_after=yesterday').success).toBe(false);
		expect(parse('per_page=100&modified_after=2024-01-01T00:00:00Z&format=json').success).toBe(
			true
		);
		expect(parse('per_page=&search=').data).toMatchObject({ per_page: 50 });
	});

	it('filters by term, taxonomy, organization, date and words', async () => {
		const db = s.database.db;
		const list = async (raw: Record<string, string>) => ids(await listServices(db, q(raw))).sort();
		expect(await list({ taxonomy_term_id: term })).toEqual([counselling]);
		expect(await list({ taxonomy_term_id: languageCourses })).toEqual([french]);
		expect(await list({ taxonomy_id: DEFAULT_TAXONOMY.id })).toEqual([french]);
		expect(await list({ organization_id: orgA })).toEqual([counselling, french].sort());
		expect(await list({ organization_id: pendingOrg })).toEqual([]);
		expect(await list({ modified_after: '2024-01-01T00:00:00Z' })).toEqual([french]);
		expect(await list({ modified_after: '2020-01-01' })).toEqual([counselling, french].sort());
		expect(await list({ search: 'counsel' })).toEqual([counselling]);
		expect(await list({ search: 'FRANÇAIS cours' })).toEqual([french]);
		expect(await list({ search: '%' })).toEqual([counselling, french].sort());
	});

	it('hides unpublished services and those of organisations not approved (404)', async () => {
		const db = s.database.db;
		expect(await getService(db, counselling)).toMatchObject({
			id: counselling,
			organization: { id: orgA },
			service_at_locations: [{ id: (full.service_at_locations as Doc[])[0].id }]
		});
		expect(await getService(db, unpublished)).toBeNull();
		expect(await getService(db, ofPending)).toBeNull();
		expect(await getService(db, randomUUID())).toBeNull();
		expect(await getServiceAtLocation(db, unpublishedLink)).toBeNull();
		expect(await getOrganization(db, pendingOrg)).toBeNull();
		expect(await getOrganization(db, randomUUID())).toBeNull();
	});

	it('lists organizations with visible services, with those services in full', async () => {
		const db = s.database.db;
		const orgs = await listOrganizations(db, q());
		expect(ids(orgs)).toEqual([orgA]);
		expect(validateHsds('organization', orgs.contents[0])).toEqual([]);
		expect(ids(await listOrganizations(db, q({ search: 'example org' })))).toEqual([orgA]);
		expect(ids(await listOrganizations(db, q({ search: 'waiting' })))).toEqual([]);
		expect(ids(await listOrganizations(db, q({ taxonomy_term_id: languageCourses })))).toEqual([
			orgA
		]);
		const one = await getOrganization(db, orgA);
		expect(((one?.services as Doc[]) ?? []).map((d) => d.id).sort()).toEqual(
			[counselling, french].sort()
		);
	});

	it('lists service_at_locations of visible services, each with its location', async () => {
		const db = s.database.db;
		const [link] = full.service_at_locations as Doc[];
		const links = await listServiceAtLocations(db, q());
		expect(ids(links)).toEqual([link.id]);
		expect(links.contents[0]).toMatchObject({ location: { id: (link.location as Doc).id } });
		expect(ids(await listServiceAtLocations(db, q({ organization_id: pendingOrg })))).toEqual([]);
		const one = await getServiceAtLocation(db, link.id as string);
		expect(one).toMatchObject({ service_id: counselling, service: { id: counselling } });
		expect(validateHsds('service_at_location', one)).toEqual([]);
	});

	it('serves taxonomies and terms', async () => {
		const db = s.database.db;
		expect((await listTaxonomies(db, q())).total_items).toBe(2);
		expect(await getTaxonomy(db, DEFAULT_TAXONOMY.id)).toMatchObject({
			name: DEFAULT_TAXONOMY.name
		});
		const terms = await listTaxonomyTerms(
			db,
			q({ taxonomy_id: DEFAULT_TAXONOMY.id, per_page: '100' })
		);
		expect(terms.total_items).toBe(DEFAULT_TERMS.length);
		for (const t of terms.contents) expect(validateHsds('taxonomy_term', t)).toEqual([]);
		expect(await getTaxonomyTerm(db, term)).toMatchObject({
			id: term,
			taxonomy_detail: { id: '5c4d79d7-cc55-470e-9f1f-8cad074e4892' }
		});
		expect(await getTaxonomyTerm(db, randomUUID())).toBeNull();
		expect(await getTaxonomy(db, randomUUID())).toBeNull();
	});
	it('answers as the routes do: public JSON, 400 for a bad query, 404 for an unknown id', async () => {
		setApp(Promise.resolve(s));
		const url = (query: string) => new URL(`http://localhost/api/hsds/services?${query}`);
		const ok = await hsdsList(url('per_page=1'), listServices);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('cache-control')).toBe('public, max-age=60');
		expect(await ok.json()).toMatchObject({ total_items: 2, size: 1 });
		const bad = await hsdsList(url('per_page=1000'), listServices);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ error: { code: 'invalid_query' } });
		expect((await hsdsItem(counselling, getService, 'service')).status).toBe(200);
		const missing = await hsdsItem(unpublished, getService, 'service');
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
		expect(await hsdsMeta('https://p.example').json()).toEqual({
			version: '3.1',
			profile: expect.stringMatching(/^https:\/\//),
			openapi_url: 'https://p.example/api/hsds/openapi.json'
		});
		const openApi = await hsdsOpenApiResponse('https://p.example').json();
		expect(openApi.servers).toEqual([{ url: 'https://p.example/api/hsds' }]);
		expect(Object.keys(openApi.paths)).toContain('/services/{id}');
	});
});
