import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import { DATABASES, testServices } from '../../test/databases.ts';
import { buildMember } from '../../test/factories.ts';
import type { AppContext } from '../../app/context.ts';
import { organisation, organisationMember } from '../../organisations/schema.ts';
import { saveLocation, saveService } from '../save-service.ts';
import { storeService } from '../store.ts';
import { service, serviceAtLocation, serviceLocation, serviceOpening } from '../schema.ts';
import { exportHsds, HsdsExportError } from './export.ts';
import { importHsds } from './import.ts';
import {
	EXAMPLES_DIR,
	countRows,
	example,
	tabularPackage,
	tempDir,
	writeJson
} from './test-fixtures.ts';
import { validateHsds, type HsdsKind } from './validate.ts';

type Doc = Record<string, unknown>;

/** Every example of the specification that holds services, organizations, locations or taxonomies. */
const EXAMPLE_FILES = [
	'organization_list.json',
	'service_list.json',
	'service_at_location_list.json',
	'service_at_location_full.json',
	'location.json',
	'taxonomy.json',
	'taxonomy_list.json',
	'taxonomy_term.json',
	'taxonomy_term_list.json',
	'organization_full.json',
	'service_full.json'
];

const EXPORT_FILES: [string, HsdsKind][] = [
	['services.json', 'service'],
	['organizations.json', 'organization'],
	['service_at_locations.json', 'service_at_location'],
	['taxonomies.json', 'taxonomy'],
	['taxonomy_terms.json', 'taxonomy_term']
];

/** Exports, and checks every exported object against the HSDS schemas. */
async function exported(s: AppContext) {
	const dir = tempDir();
	await exportHsds(s.database.db, dir);
	const files = Object.fromEntries(
		EXPORT_FILES.map(([file, kind]) => {
			const list = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Doc[];
			for (const doc of list) expect(validateHsds(kind, doc), `${file} ${doc.id}`).toEqual([]);
			return [file, list];
		})
	);
	expect(readFileSync(path.join(dir, 'README.txt'), 'utf8')).toMatch(/HSDS 3\.1/);
	return { dir, files };
}

const byId = (list: Doc[], id: unknown) => list.find((d) => d.id === id) as Doc;

describe.each(DATABASES)('HSDS import and export on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('imports every example of the specification and exports them as valid HSDS', async () => {
		expect(readdirSync(EXAMPLES_DIR).sort()).toEqual(
			[...EXAMPLE_FILES, 'base.json', 'tabular.json'].sort()
		);
		for (const file of EXAMPLE_FILES) {
			const result = await importHsds(s.database.db, path.join(EXAMPLES_DIR, file));
			expect(result, file).toMatchObject({ ok: true, warnings: [] });
		}
		const db = s.database.db;
		const original = example('service_full.json');
		const [stored] = await db
			.select()
			.from(service)
			.where(eq(service.id, original.id as string));
		expect(stored).toMatchObject({ published: true, name: original.name, status: 'active' });
		expect(stored.verifiedAt?.toISOString().slice(0, 10)).toBe(original.assured_date);
		const [org] = await db
			.select()
			.from(organisation)
			.where(eq(organisation.id, stored.organisationId));
		expect(org).toMatchObject({ status: 'approved', kind: 'ngo', website: 'http://example.com' });
		// HSDS schedules give a UTC offset (+3): Thursday and Friday, 10:00 to 18:00 there.
		const [location] = await db.select().from(serviceLocation);
		expect(location.timeZone).toBe('Etc/GMT-3');
		const openings = await db
			.select({
				dow: serviceOpening.dow,
				opens: serviceOpening.opens,
				closes: serviceOpening.closes
			})
			.from(serviceOpening)
			.where(eq(serviceOpening.serviceId, stored.id));
		expect(openings.sort((a, b) => a.dow - b.dow)).toEqual([
			{ dow: 4, opens: 600, closes: 1080 },
			{ dow: 5, opens: 600, closes: 1080 }
		]);

		const { dir, files } = await exported(s);
		const service1 = byId(files['services.json'], original.id);
		for (const key of ['name', 'description', 'schedules', 'phones', 'languages', 'attributes'])
			expect(service1[key], key).toEqual(original[key]);
		// Locations are rows of their own, listed through the services' service_at_locations.
		const organization = { ...(original.organization as Doc) };
		delete organization.locations;
		expect(service1.organization).toEqual(organization);
		const [link] = original.service_at_locations as Doc[];
		expect(service1.service_at_locations).toEqual([
			{
				...link,
				service_id: original.id,
				location_id: (link.location as Doc).id,
				location: { ...(link.location as Doc), organization_id: organization.id }
			}
		]);
		expect(byId(files['organizations.json'], organization.id)).toEqual(organization);
		expect(byId(files['service_at_locations.json'], link.id)).toMatchObject({
			service_id: original.id
		});
		const term = ((original.attributes as Doc[])[0].taxonomy_term as Doc) ?? {};
		expect(byId(files['taxonomy_terms.json'], term.id)).toMatchObject({
			name: term.name,
			taxonomy_detail: term.taxonomy_detail
		});
		expect(files['taxonomies.json'].length).toBe(2);

		// The export imports back onto the same rows.
		const before = await countRows(db);
		for (const [file] of EXPORT_FILES) {
			const result = await importHsds(db, path.join(dir, file));
			expect(result, file).toMatchObject({ ok: true });
		}
		expect(await countRows(db)).toEqual(before);
		expect((await exported(s)).files['services.json']).toEqual(files['services.json']);
	});

	it('imports the tabular example (a datapackage of CSVs) onto the same rows', async () => {
		const db = s.database.db;
		const before = await countRows(db);
		const tables = example<Record<string, Doc[]>>('tabular.json');
		const pkg = await tabularPackage(tempDir(), tables);
		const result = await importHsds(db, pkg, { timeZone: 'Europe/London' });
		expect(result).toMatchObject({
			ok: true,
			organizations: 1,
			services: 1,
			locations: 1,
			serviceAtLocations: 1,
			taxonomies: 1,
			taxonomyTerms: 1
		});
		// The example's attribute, metadata row and location's organization name nothing in it.
		if (result.ok)
			expect(result.warnings.map((w) => `${w.file}:${w.row} ${w.field}`).sort()).toEqual([
				'attributes.csv:1 link_id',
				'locations.csv:1 organization_id',
				'metadata.csv:1 resource_id',
				'taxonomy_terms.csv:1 taxonomy_id'
			]);
		expect(await countRows(db)).toEqual(before);

		const { files } = await exported(s);
		const row = tables['services.csv'][0];
		const exportedService = byId(files['services.json'], row.id);
		expect(exportedService).toMatchObject({
			name: row.name,
			description: row.description,
			organization_id: row.organization_id,
			minimum_age: 12,
			program: tables['programs.csv'][0],
			schedules: [tables['schedules.csv'][0]],
			cost_options: [tables['cost_options.csv'][0]],
			required_documents: [tables['required_documents.csv'][0]],
			funding: [tables['funding.csv'][0]]
		});
		expect((exportedService.phones as Doc[])[0]).toMatchObject({
			...tables['phones.csv'][0],
			languages: tables['languages.csv']
		});
		const [link] = exportedService.service_at_locations as Doc[];
		expect(link).toMatchObject({
			...tables['service_at_location.csv'][0],
			schedules: [tables['schedules.csv'][0]],
			location: {
				...tables['locations.csv'][0],
				external_identifier: '10092008082',
				addresses: tables['addresses.csv'],
				accessibility: tables['accessibility.csv']
			}
		});
		expect(byId(files['organizations.json'], row.organization_id)).toMatchObject({
			organization_identifiers: [
				{ ...tables['organization_identifiers.csv'][0], identifier: '1234567' }
			],
			programs: tables['programs.csv']
		});

		const again = await importHsds(db, pkg);
		expect(again).toMatchObject({ ok: true, services: 1 });
		expect(await countRows(db)).toEqual(before);
		// Without datapackage.json, the HSDS file names are enough.
		await rm(path.join(pkg, 'datapackage.json'));
		expect(await importHsds(db, pkg)).toMatchObject({ ok: true, services: 1, locations: 1 });
		expect(await countRows(db)).toEqual(before);
	});

	it('importing again updates in place and drops the links no longer listed', async () => {
		const db = s.database.db;
		const dir = tempDir();
		const doc = example('service_full.json');
		const [oldLink] = doc.service_at_locations as Doc[];
		const [before] = await db
			.select()
			.from(service)
			.where(eq(service.id, doc.id as string));
		const newLocation = { id: randomUUID(), location_type: 'virtual', name: 'Video calls' };
		const newLink = { id: randomUUID(), location: newLocation };
		const counts = await countRows(db);
		const changed = await writeJson(dir, 'changed.json', {
			...doc,
			name: 'Community Counselling (renamed)',
			service_at_locations: [newLink]
		});
		expect(await importHsds(db, changed)).toMatchObject({ ok: true, serviceAtLocations: 1 });
		const [after] = await db
			.select()
			.from(service)
			.where(eq(service.id, doc.id as string));
		expect(after.name).toBe('Community Counselling (renamed)');
		expect(after.shortCode).toBe(before.shortCode);
		const links = await db
			.select({ id: serviceAtLocation.id })
			.from(serviceAtLocation)
			.where(eq(serviceAtLocation.serviceId, doc.id as string));
		expect(links.map((l) => l.id)).toEqual([newLink.id]);
		expect(links.map((l) => l.id)).not.toContain(oldLink.id);
		expect(await countRows(db)).toMatchObject({
			services: counts.services,
			locations: counts.locations + 1,
			links: counts.links
		});

		const none = await writeJson(dir, 'none.json', { ...doc, service_at_locations: [] });
		expect(await importHsds(db, none)).toMatchObject({ ok: true });
		expect(
			await db.$count(serviceAtLocation, eq(serviceAtLocation.serviceId, doc.id as string))
		).toBe(0);
	});
	it('exports services written on the platform as valid HSDS, and imports them back as they were', async () => {
		const db = s.database.db;
		const curator = await buildMember(s, { roles: ['moderator'] });
		const actor = { id: curator.id, roles: ['member' as const, 'moderator' as const] };
		const orgId = randomUUID();
		await db
			.insert(organisation)
			.values({ id: orgId, slug: 'refugee-aid', name: 'Refugee Aid', kind: 'ngo' });
		await db
			.insert(organisationMember)
			.values({ organisationId: orgId, userId: curator.id, role: 'admin', status: 'active' });
		const location = await saveLocation(
			db,
			actor,
			{ organisationId: orgId, locationId: null },
			{
				name: 'Paris office',
				address1: '1 rue Exemple',
				city: 'Paris',
				region: '',
				postalCode: '75001',
				country: 'FR',
				latitude: '48.8566',
				longitude: '2.3522',
				timeZone: 'Europe/Paris',
				accessibility: 'Step-free entrance',
				transportation: ''
			},
			{ timeZone: 'UTC' }
		);
		if (!location.ok) throw new Error('location not saved');
		const saved = await saveService(
			db,
			actor,
			{ organisationId: orgId, serviceId: null },
			{
				locale: 'fr',
				texts: {
					name: 'Permanence juridique',
					description: 'Conseils sur le droit au séjour.',
					eligibility: '',
					applicationProcess: 'Sans rendez-vous',
					feesDescription: '',
					interpretation: '',
					documents: 'Pièce d’identité'
				},
				status: 'active',
				termIds: [DEFAULT_TERMS[4].id],
				languages: ['fr', 'ar'],
				free: true,
				minimumAge: '',
				maximumAge: '',
				url: 'https://aid.example/juridique',
				email: 'contact@aid.example',
				phone: '+33 1 23 45 67 89',
				locationIds: [location.value.id],
				hours: [
					{ opens: '09:00', closes: '12:30' },
					...Array.from({ length: 6 }, () => ({ opens: '', closes: '' }))
				],
				hoursNote: 'Fermé en août'
			},
			{ timeZone: 'UTC' }
		);
		expect(saved).toMatchObject({ ok: true, value: { published: true } });
		if (!saved.ok) return;
		const [before] = await db.select().from(service).where(eq(service.id, saved.value.id));

		const { dir, files } = await exported(s);
		const doc = byId(files['services.json'], saved.value.id);
		expect(doc).toMatchObject({
			name: 'Permanence juridique',
			organization: { id: orgId, name: 'Refugee Aid' },
			assured_date: before.verifiedAt?.toISOString().slice(0, 10),
			service_at_locations: [{ location_id: location.value.id, location: { name: 'Paris office' } }]
		});
		expect(doc.last_modified).toMatch(/^\d{4}-\d{2}-\d{2}T/);

		const counts = await countRows(db);
		expect(await importHsds(db, path.join(dir, 'services.json'))).toMatchObject({ ok: true });
		expect(await countRows(db)).toEqual(counts);
		const [after] = await db.select().from(service).where(eq(service.id, saved.value.id));
		expect(after).toMatchObject({
			name: before.name,
			contentLocale: 'fr',
			organisationId: orgId,
			published: true,
			termIds: before.termIds,
			shortCode: before.shortCode
		});
		const [place] = await db
			.select({ timeZone: serviceLocation.timeZone })
			.from(serviceLocation)
			.where(eq(serviceLocation.id, location.value.id));
		expect(place.timeZone).toBe('Europe/Paris');
		const [org] = await db.select().from(organisation).where(eq(organisation.id, orgId));
		expect(org.slug).toBe('refugee-aid');
	});
	it('refuses to export what is not valid HSDS, writing nothing', async () => {
		const db = s.database.db;
		const [org] = await db.select({ id: organisation.id }).from(organisation).limit(1);
		const id = randomUUID();
		await storeService(db, {
			doc: { id, name: 'Broken', status: 'active', email: 'not an address' },
			organisationId: org.id,
			published: true
		});
		const dir = tempDir();
		await expect(exportHsds(db, dir)).rejects.toThrow(HsdsExportError);
		await expect(exportHsds(db, dir)).rejects.toThrow(`(id ${id}): must match format "email"`);
		expect(readdirSync(dir)).toEqual([]);
		await db.delete(service).where(eq(service.id, id));
	});
});
