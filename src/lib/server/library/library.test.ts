import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { zipSync, strToU8 } from 'fflate';
import sharp from 'sharp';
import { libraryFilters } from '#lib/library/forms.ts';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import type { Actor } from '../accounts/policy.ts';
import { decideCase } from '../moderation/decide.ts';
import { moderationCase } from '../moderation/schema.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { contributeResource, searchOf, type LibraryDeps } from './contribute.ts';
import {
	RANKED_MATCHES,
	readResource,
	reportResource,
	resourceFile,
	searchResources
} from './read.ts';
import { resource } from './schema.ts';
import { tinyPdf } from '../../../../tests/support/files.ts';

const statement = 'Reviewed: a useful resource that follows the rules, published.';
const description =
	'A plain-language guide to the first weeks: which office, which papers, in which order.';

/** A Word document as Word writes one: a ZIP with its content types and word/document.xml. */
function tinyDocx() {
	return Buffer.from(
		zipSync({
			'[Content_Types].xml': strToU8(
				'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
			),
			'_rels/.rels': strToU8('<?xml version="1.0"?><Relationships/>'),
			'word/document.xml': strToU8('<?xml version="1.0"?><w:document/>')
		})
	);
}

describe.each(DATABASES)('the library on $kind', (target) => {
	let s: AppContext;
	let deps: LibraryDeps;
	let mod: Actor;
	type A = Awaited<ReturnType<typeof buildActor>>;
	let amina: A, bruno: A;

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, storage: s.storage };
		const m = await buildMember(s, { roles: ['moderator'] });
		mod = { id: m.id, roles: ['member', 'moderator'] };
		[amina, bruno] = await Promise.all(['Amina', 'Bruno'].map((name) => buildActor(s, { name })));
	});
	afterAll(() => s.database.close());

	const search = (q: string) =>
		searchResources(s.database.db, libraryFilters(new URLSearchParams(q)));
	const publish = async (id: string) => {
		const [c] = await s.database.db
			.select()
			.from(moderationCase)
			.where(and(eq(moderationCase.kind, 'resource'), eq(moderationCase.subjectId, id)));
		const r = await decideCase({ db: s.database.db, notifier: s.notifier }, mod, c.id, {
			action: 'restore',
			ground: 'other',
			statement
		});
		expect(r).toMatchObject({ ok: true });
	};
	const link = {
		title: 'Démarches des premières semaines',
		description,
		language: 'fr',
		themes: ['arrival', 'documents'],
		country: 'FR',
		kind: 'link',
		url: 'https://example.org/guide'
	};

	it('a contribution waits for a moderator, then is found by words and filters', async () => {
		const made = await contributeResource(deps, amina, link, null);
		if (!made.ok) throw new Error(JSON.stringify(made));
		expect(made.value.waiting).toBe(true);
		expect((await search('q=demarches')).items).toEqual([]);
		expect(await readResource(s.database.db, bruno, made.value.id)).toBeNull();
		expect(await readResource(s.database.db, amina, made.value.id)).toMatchObject({
			held: true,
			mine: true
		});
		await publish(made.value.id);
		const found = await search('q=DÉMARCHES premi');
		expect(found.items.map((i) => i.id)).toEqual([made.value.id]);
		expect((await search('theme=documents&country=fr&language=fr&kind=link')).items).toHaveLength(
			1
		);
		expect((await search('theme=health')).items).toEqual([]);
		expect((await search('country=ES')).items).toEqual([]);
		expect(await readResource(s.database.db, null, made.value.id)).toMatchObject({
			title: link.title,
			contributor: 'Amina',
			held: false,
			mayReport: false,
			mayTranslate: false
		});
	});

	it('words put the best of the newest matches first, and never rank past the newest ones', async () => {
		const at = (days: number) => new Date(Date.UTC(2026, 0, 1 + days));
		const row = (id: string, title: string, description: string, days: number) => ({
			id,
			kind: 'link' as const,
			title,
			description,
			language: 'en',
			themes: ['work' as const],
			url: 'https://example.org/',
			translationGroup: id,
			search: searchOf(title, description),
			createdAt: at(days)
		});
		const many = Array.from({ length: RANKED_MATCHES + 5 }, (_, i) =>
			row(`rank-${i}`, `Notice ${i}`, 'A note on payslips.', 10 + i)
		);
		await s.database.db
			.insert(resource)
			.values([
				row('rank-old-best', 'Payslips', 'Payslips, payslips: reading payslips.', 0),
				...many,
				row('rank-new-best', 'Payslips explained', 'Payslips, payslips and more payslips.', 5000)
			]);
		const found = (await search('q=payslips')).items.map((i) => i.id);
		expect(found[0]).toBe('rank-new-best');
		expect(found).not.toContain('rank-old-best');
		expect(found.slice(1, 3)).toEqual([`rank-${RANKED_MATCHES + 4}`, `rank-${RANKED_MATCHES + 3}`]);
		expect((await search('q=payslips&page=60')).items).toEqual([]);
		expect((await search('q=notice')).items[0].id).toBe(`rank-${RANKED_MATCHES + 4}`);
		await s.database.db.delete(resource).where(like(resource.id, 'rank-%'));
	});

	it('a PDF is kept as it is and served to readers, counting their downloads', async () => {
		const made = await contributeResource(
			deps,
			mod,
			{ ...link, title: 'Checklist for the first week', language: 'en', url: '' },
			{ data: tinyPdf(), name: 'C:\\fakepath\\check list.pdf' }
		);
		if (!made.ok) throw new Error(JSON.stringify(made));
		expect(made.value.waiting).toBe(false);
		const own = await resourceFile(deps, mod, made.value.id);
		expect(own).toMatchObject({
			name: 'check list.pdf',
			type: 'application/pdf',
			kind: 'document'
		});
		expect(own!.data.equals(tinyPdf())).toBe(true);
		await resourceFile(deps, null, made.value.id);
		await resourceFile(deps, amina, made.value.id);
		expect((await readResource(s.database.db, null, made.value.id))?.downloads).toBe(2);
	});

	it('office documents and images are taken; the wrong, the empty, the large and the truncated are not', async () => {
		const docx = await contributeResource(
			deps,
			bruno,
			{ ...link, url: '' },
			{ data: tinyDocx(), name: 'guide.docx' }
		);
		expect(docx).toMatchObject({ ok: true });
		const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#c00' } })
			.png()
			.toBuffer();
		const img = await contributeResource(
			deps,
			bruno,
			{ ...link, url: '' },
			{ data: png, name: 'poster.pdf' }
		);
		if (!img.ok) throw new Error(JSON.stringify(img));
		const [row] = await s.database.db.select().from(resource).where(eq(resource.id, img.value.id));
		expect(row).toMatchObject({ kind: 'image', fileType: 'image/webp', fileName: 'poster.webp' });
		const before = await s.database.db.select({ id: resource.id }).from(resource);
		const refused = async (data: Buffer, name: string) => {
			const r = await contributeResource(deps, bruno, { ...link, url: '' }, { data, name });
			return r.ok ? 'stored' : r.errors?.file;
		};
		expect(await refused(Buffer.from('just some words, not a PDF'), 'report.pdf')).toBe(
			'error_resource_file_type'
		);
		expect(await refused(tinyPdf().subarray(0, 60), 'cut.pdf')).toBe('error_resource_file_type');
		expect(
			await refused(
				Buffer.concat([
					Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
					Buffer.alloc(600)
				]),
				'old.doc'
			)
		).toBe('error_resource_file_type');
		expect(await refused(Buffer.alloc(4 * 1024 * 1024, 1), 'big.pdf')).toBe(
			'error_resource_file_size'
		);
		expect((await s.database.db.select({ id: resource.id }).from(resource)).length).toBe(
			before.length
		);
		const keys: string[] = [];
		for await (const key of s.storage.list()) if (key.startsWith('library/')) keys.push(key);
		expect(keys.sort()).toEqual(
			(await s.database.db.select({ key: resource.fileKey }).from(resource))
				.map((r) => r.key)
				.filter(Boolean)
				.sort()
		);
	});

	it('says what is missing: a file or a link, not both, and the form’s own errors', async () => {
		const none = await contributeResource(deps, bruno, { ...link, url: '' }, null);
		expect(none).toMatchObject({ ok: false, errors: { url: 'error_resource_file_or_link' } });
		const both = await contributeResource(deps, bruno, link, { data: tinyPdf(), name: 'a.pdf' });
		expect(both).toMatchObject({ ok: false, errors: { url: 'error_resource_not_both' } });
		const bad = await contributeResource(
			deps,
			bruno,
			{ ...link, title: 'x', themes: ['nope'], url: 'javascript:alert(1)', country: 'France' },
			null
		);
		expect(bad).toMatchObject({
			ok: false,
			errors: {
				title: 'error_resource_title',
				themes: 'error_resource_themes',
				url: 'error_resource_url',
				country: 'error_country_invalid'
			}
		});
	});

	it('translations join the published resource, one per language', async () => {
		const original = await contributeResource(
			deps,
			mod,
			{ ...link, title: 'Your rights at work', language: 'en', themes: ['work'] },
			null
		);
		if (!original.ok) throw new Error(JSON.stringify(original));
		const fr = await contributeResource(
			deps,
			amina,
			{ ...link, title: 'Vos droits au travail', language: 'fr', themes: ['work'] },
			null,
			{ translationOf: original.value.id }
		);
		if (!fr.ok) throw new Error(JSON.stringify(fr));
		const again = await contributeResource(deps, bruno, { ...link, language: 'fr' }, null, {
			translationOf: original.value.id
		});
		expect(again).toMatchObject({
			ok: false,
			errors: { language: 'error_resource_translation_language' }
		});
		// Waiting translations are not listed yet, and nobody translates what is not published.
		expect((await readResource(s.database.db, null, original.value.id))?.translations).toEqual([]);
		expect(
			await contributeResource(deps, bruno, { ...link, language: 'es' }, null, {
				translationOf: fr.value.id
			})
		).toMatchObject({ ok: false, kind: 'not_found' });
		await publish(fr.value.id);
		expect((await readResource(s.database.db, null, original.value.id))?.translations).toEqual([
			{ id: fr.value.id, language: 'fr', title: 'Vos droits au travail' }
		]);
		expect((await readResource(s.database.db, null, fr.value.id))?.translations).toMatchObject([
			{ language: 'en' }
		]);
	});

	it('readers report what others contributed, into the one queue', async () => {
		const made = await contributeResource(
			deps,
			mod,
			{ ...link, title: 'Cheap flights home!!!' },
			null
		);
		if (!made.ok) throw new Error(JSON.stringify(made));
		const r = await reportResource(s.database.db, amina, made.value.id, {
			reason: 'spam',
			note: 'An advert'
		});
		expect(r).toMatchObject({ ok: true });
		expect(
			await reportResource(s.database.db, mod, made.value.id, { reason: 'spam' })
		).toMatchObject({
			ok: false
		});
		const [c] = await s.database.db
			.select()
			.from(moderationCase)
			.where(and(eq(moderationCase.kind, 'resource'), eq(moderationCase.subjectId, made.value.id)));
		expect(c).toMatchObject({ status: 'open', reportCount: 1, path: `/library/${made.value.id}` });
	});

	it('erasing a contributor removes what they contributed and its files', async () => {
		const dana = await buildActor(s, { name: 'Dana' });
		const made = await contributeResource(
			deps,
			dana,
			{ ...link, url: '' },
			{ data: tinyPdf('dana'), name: 'mine.pdf' }
		);
		if (!made.ok) throw new Error(JSON.stringify(made));
		const [row] = await s.database.db.select().from(resource).where(eq(resource.id, made.value.id));
		expect(await s.storage.get(row.fileKey!)).not.toBeNull();
		expect((await deleteMyAccount(deps, dana.id)).ok).toBe(true);
		expect(
			await s.database.db.select().from(resource).where(eq(resource.id, made.value.id))
		).toEqual([]);
		expect(await s.storage.get(row.fileKey!)).toBeNull();
	});
});
