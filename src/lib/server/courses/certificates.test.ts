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
	platformDocuments,
	revokeCertificate
} from './certificates.ts';
import { verify } from './credentials.ts';
import { certificate, course } from './schema.ts';

describe.each(DATABASES)('course certificates on $kind', (target) => {
	let s: AppContext;
	let courseId: string;
	const origin = 'https://passerelle.example.org';
	const deps = () => ({ db: s.database.db, origin, platformName: 'Passerelle' });

	beforeAll(async () => {
		s = await testServices(target);
		const a = await buildMember(s, { roles: ['administrator'] });
		const admin = { id: a.id, roles: ['member' as const, 'administrator' as const] };
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
