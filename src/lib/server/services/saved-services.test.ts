import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { organisation } from '../organisations/schema.ts';
import { user } from '../accounts/schema.ts';
import { exportMyData } from '../privacy/export-my-data.ts';
import { forgetSaved, isSaved, saveForLater, savedServicesOf } from './saved-services.ts';
import { storeService } from './store.ts';
import { service, savedService } from './schema.ts';

describe.each(DATABASES)('saved services on $kind', (target) => {
	let s: AppContext;
	const orgId = randomUUID();
	const listed = randomUUID();
	const draft = randomUUID();
	beforeAll(async () => {
		s = await testServices(target);
		const db = s.database.db;
		await db.insert(organisation).values({ id: orgId, slug: 'keep', name: 'Keep', kind: 'ngo' });
		await db.transaction(async (tx) => {
			for (const [id, published] of [
				[listed, true],
				[draft, false]
			] as const)
				await storeService(tx, {
					organisationId: orgId,
					published,
					doc: { id, name: published ? 'Night shelter' : 'Draft', status: 'active' } as never
				});
		});
	});
	afterAll(() => s.database.close());

	it('keeps a public service on a person’s list, once, and takes it off', async () => {
		const db = s.database.db;
		const me = await buildActor(s);
		expect(await saveForLater(db, me, listed)).toEqual({ ok: true, value: null });
		expect(await saveForLater(db, me, listed)).toEqual({ ok: true, value: null });
		expect(await isSaved(db, me, listed)).toBe(true);
		expect(await savedServicesOf(db, me.id, 'en')).toMatchObject([
			{ id: listed, listed: true, name: 'Night shelter', organisationName: 'Keep' }
		]);
		expect((await exportMyData(db, me.id))?.savedServices).toMatchObject([
			{ service: listed, name: 'Night shelter' }
		]);
		await forgetSaved(db, me, listed);
		expect(await savedServicesOf(db, me.id, 'en')).toEqual([]);
	});

	it('refuses visitors, unpublished and unknown services', async () => {
		const db = s.database.db;
		const me = await buildActor(s);
		expect(await saveForLater(db, null, listed)).toMatchObject({ ok: false, kind: 'forbidden' });
		expect(await saveForLater(db, me, draft)).toMatchObject({ ok: false, kind: 'forbidden' });
		expect(await saveForLater(db, me, randomUUID())).toMatchObject({
			ok: false,
			kind: 'not_found'
		});
	});

	it('marks a service that stopped being public, without its texts; erasure takes the list', async () => {
		const db = s.database.db;
		const me = await buildActor(s);
		await saveForLater(db, me, listed);
		await db.update(service).set({ published: false }).where(eq(service.id, listed));
		expect(await savedServicesOf(db, me.id, 'en')).toEqual([
			expect.objectContaining({ id: listed, listed: false, name: null, organisationName: null })
		]);
		await db.update(service).set({ published: true }).where(eq(service.id, listed));
		await db.delete(user).where(eq(user.id, me.id));
		expect(await db.select().from(savedService).where(eq(savedService.userId, me.id))).toEqual([]);
	});
});
