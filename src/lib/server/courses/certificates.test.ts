import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor, buildMember } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { deleteMyAccount } from '../privacy/erase-account.ts';
import { addLesson, addModule, createCourse, setPublished } from './authoring.ts';
import { completeLesson, enrol } from './learning.ts';
import {
	certificateView,
	issueCertificate,
	mayRevoke,
	platformDocuments,
	revokeAsStaff,
	revokeCertificate,
	verifyUploaded
} from './certificates.ts';
import { verify } from './credentials.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { readPdf } from '../../../../tests/support/pdf.ts';
import { certificate, course } from './schema.ts';

describe.each(DATABASES)('course certificates on $kind', (target) => {
	let s: AppContext;
	let courseId: string;
	let admin: { id: string; roles: ('member' | 'administrator')[] };
	const origin = 'https://passerelle.example.org';
	const deps = () => ({ db: s.database.db, origin, platformName: 'Passerelle' });

	beforeAll(async () => {
		s = await testServices(target);
		const a = await buildMember(s, { roles: ['administrator'] });
		admin = { id: a.id, roles: ['member', 'administrator'] };
		const made = await createCourse(s.database.db, admin, {
			title: 'Cooking safely',
			summary: 'Keep food safe at home.',
			language: 'en'
		});
		if (!made.ok) throw new Error('no course');
		const m = await addModule(s.database.db, admin, made.value.slug, { title: 'One' });
		if (!m.ok) throw new Error('no module');
		await addLesson(s.database.db, admin, made.value.slug, m.value.id, { title: 'Clean hands' });
		await setPublished(s.database.db, admin, made.value.slug, true);
		courseId = (
			await s.database.db.select().from(course).where(eq(course.slug, made.value.slug))
		)[0].id;
	});
	afterAll(() => s.database.close());

	async function graduate(name: string) {
		const learner = await buildActor(s, { name });
		const [c] = await s.database.db.select().from(course).where(eq(course.id, courseId));
		await enrol(s.database.db, learner, c.slug);
		const view = await import('./read.ts').then((r) =>
			r.courseOverview(s.database.db, learner, c.slug)
		);
		await completeLesson(s.database.db, learner, c.slug, view!.resume!);
		return learner;
	}

	it('a completed course gives one Open Badges credential that verifies, and fails after one byte changes', async () => {
		const learner = await graduate('Ada Ngozi');
		const first = await issueCertificate(deps(), courseId, learner.id);
		const again = await issueCertificate(deps(), courseId, learner.id);
		if (!first.ok || !again.ok) throw new Error('not issued');
		expect(again.value.id).toBe(first.value.id);
		const view = await certificateView(s.database.db, origin, first.value.id);
		expect(view).toMatchObject({
			verified: true,
			revoked: false,
			learner: 'Ada Ngozi',
			course: 'Cooking safely'
		});
		const downloaded = JSON.stringify(view && !view.withdrawn ? view.credential : null);
		const credential = JSON.parse(downloaded);
		expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(credential.proof).toMatchObject({
			type: 'DataIntegrityProof',
			cryptosuite: 'eddsa-rdfc-2022'
		});
		const { documents } = await platformDocuments(s.database.db, origin);
		expect(await verify(JSON.parse(downloaded), documents)).toEqual({
			verified: true,
			revoked: false,
			error: null
		});
		const at = downloaded.indexOf('Ada Ngozi');
		const changed = downloaded.slice(0, at) + 'E' + downloaded.slice(at + 1);
		expect((await verify(JSON.parse(changed), documents)).verified).toBe(false);
		// Not completed: nothing to certify.
		const other = await buildActor(s, { name: 'Not Yet' });
		expect(await issueCertificate(deps(), courseId, other.id)).toMatchObject({ ok: false });
	});

	it('prints as a PDF with the learner, the course, a link to its page and the signed credential inside', async () => {
		const learner = await graduate('Amina Diallo');
		const issued = await issueCertificate(deps(), courseId, learner.id);
		if (!issued.ok) throw new Error('not issued');
		const view = await certificateView(s.database.db, origin, issued.value.id);
		if (!view || view.withdrawn) throw new Error('no view');
		const url = `${origin}/fr/certificates/${issued.value.id}`;
		const printed = { ...view, url, credential: view.credential };
		const pdf = await readPdf(await certificatePdf(printed, 'fr'));
		expect(pdf).toMatchObject({ pages: 1, lang: 'fr' });
		expect(pdf.width).toBeGreaterThan(pdf.height);
		for (const words of ['Certificat de réussite', 'Amina Diallo', 'Cooking safely', url])
			expect(pdf.text).toContain(words);
		expect(pdf.attachments.map((a) => a.name)).toEqual([`certificate-${issued.value.id}.json`]);
		const { documents } = await platformDocuments(s.database.db, origin);
		expect(await verify(JSON.parse(pdf.attachments[0].text), documents)).toMatchObject({
			verified: true
		});
		const arabic = await readPdf(
			await certificatePdf({ ...printed, learner: 'أمينة ديالو' }, 'ar')
		);
		expect(arabic).toMatchObject({ pages: 1, lang: 'ar' });
		expect(arabic.text).toContain(url);
		expect(arabic.text).toContain('Cooking safely');
	});

	it('a revoked certificate stops verifying, through the signed status list', async () => {
		const learner = await graduate('Bo Lind');
		const made = await issueCertificate(deps(), courseId, learner.id);
		if (!made.ok) throw new Error('not issued');
		expect(
			await revokeCertificate(s.database.db, null, made.value.id, 'Issued by mistake')
		).toMatchObject({ ok: true });
		const view = await certificateView(s.database.db, origin, made.value.id);
		expect(view).toMatchObject({ verified: false, revoked: true });
		// The others still verify.
		const [other] = await s.database.db
			.select()
			.from(certificate)
			.where(eq(certificate.statusIndex, 1));
		expect(await certificateView(s.database.db, origin, other.id)).toMatchObject({
			verified: true
		});
	});

	it('the course’s authors revoke from the page with a reason; a member may not', async () => {
		const learner = await graduate('Di Revoked');
		const made = await issueCertificate(deps(), courseId, learner.id);
		if (!made.ok) throw new Error('not issued');
		const id = made.value.id;
		const someone = await buildActor(s, { name: 'Someone' });
		expect(await mayRevoke(s.database.db, someone, id)).toBe(false);
		expect(await mayRevoke(s.database.db, learner, id)).toBe(false);
		expect(await revokeAsStaff(s.database.db, someone, id, 'Not mine to revoke')).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
		expect(await mayRevoke(s.database.db, admin, id)).toBe(true);
		expect(await revokeAsStaff(s.database.db, admin, id, '  no ')).toMatchObject({
			ok: false,
			errors: { reason: 'certificate_revoke_reason_error' }
		});
		expect(await revokeAsStaff(s.database.db, admin, id, 'Quiz answers were shared')).toEqual({
			ok: true,
			value: undefined
		});
		expect(await mayRevoke(s.database.db, admin, id)).toBe(false);
		const view = await certificateView(s.database.db, origin, id);
		expect(view).toMatchObject({ verified: false, revoked: true });
		expect(view && !view.withdrawn && view.revokedAt).toBeInstanceOf(Date);
		const [row] = await s.database.db.select().from(certificate).where(eq(certificate.id, id));
		expect(row.revokedReason).toBe('Quiz answers were shared');
	});

	it('checks a file someone was given: genuine, changed, revoked, or not a certificate at all', async () => {
		const learner = await graduate('Eli Checked');
		const made = await issueCertificate(deps(), courseId, learner.id);
		if (!made.ok) throw new Error('not issued');
		const view = await certificateView(s.database.db, origin, made.value.id);
		if (!view || view.withdrawn) throw new Error('no view');
		const file = JSON.stringify(view.credential, null, 2);
		const check = (text: string) =>
			verifyUploaded(s.database.db, origin, new TextEncoder().encode(text));
		expect(await check(file)).toMatchObject({
			ok: true,
			value: { genuine: true, revoked: false, view: { learner: 'Eli Checked' } }
		});
		expect(await check(file.replace('Eli Checked', 'Eli Checkec'))).toEqual({
			ok: true,
			value: { genuine: false }
		});
		expect(await check('{"id": "urn:uuid:0", "proof": {}}')).toEqual({
			ok: true,
			value: { genuine: false }
		});
		for (const bad of ['', 'not json', '\xff'.repeat(3), 'x'.repeat(70_000)])
			expect(await check(bad)).toMatchObject({
				ok: false,
				errors: { file: 'certificate_verify_error_file' }
			});
		await revokeCertificate(s.database.db, null, made.value.id, 'Issued by mistake');
		expect(await check(file)).toMatchObject({ ok: true, value: { genuine: true, revoked: true } });
		expect(await check(file.replace('Eli Checked', 'Eli Checkec'))).toEqual({
			ok: true,
			value: { genuine: false }
		});
	});

	it('erasing the learner withdraws the certificate and its name', async () => {
		const learner = await graduate('Cy Erased');
		const made = await issueCertificate(deps(), courseId, learner.id);
		if (!made.ok) throw new Error('not issued');
		const [row] = await s.database.db
			.select()
			.from(certificate)
			.where(eq(certificate.id, made.value.id));
		expect(JSON.stringify(row.credential)).toContain('Cy Erased');
		expect((await deleteMyAccount({ db: s.database.db, storage: s.storage }, learner.id)).ok).toBe(
			true
		);
		expect(await certificateView(s.database.db, origin, made.value.id)).toMatchObject({
			withdrawn: true
		});
		const { documents } = await platformDocuments(s.database.db, origin);
		expect((await verify(row.credential, documents)).revoked).toBe(true);
	});
});
