import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildProfile, signIn } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { user } from '../accounts/schema.ts';
import { auditLog } from '../platform/schema.ts';
import { setRoles } from '../accounts/roles.ts';
import { memberProfile } from '../members/schema.ts';
import { exportMyData } from './export-my-data.ts';
import { deleteMyAccount } from './erase-account.ts';
import { photoKey, savePhoto } from '../members/photo.ts';

describe.each(DATABASES)('my data on $kind', (target) => {
	let s: AppContext;
	beforeAll(async () => {
		s = await testServices(target);
	});
	afterAll(() => s.database.close());

	it('exports everything about the person and no secret', async () => {
		const me = await buildProfile(s, {
			name: 'Lucía Fernández',
			city: 'Madrid',
			interests: ['law']
		});
		await signIn(s, me.email, me.password);
		const data = await exportMyData(s.database.db, me.id);
		expect(data?.account).toMatchObject({ name: 'Lucía Fernández', email: me.email });
		expect(data?.profile).toMatchObject({ city: 'Madrid', interests: ['law'] });
		expect(data?.sessions).toHaveLength(1);
		const text = JSON.stringify(data);
		expect(text).not.toMatch(/password|token|\$argon|scrypt/i);
	});

	it('erases the account, profile and photo, and anonymises the audit trail', async () => {
		const admin = await buildProfile(s, { name: 'Admin' }, ['administrator']);
		const me = await buildProfile(s, { name: 'To Be Erased' });
		const photo = await sharp({
			create: { width: 50, height: 50, channels: 3, background: '#000' }
		})
			.png()
			.toBuffer();
		const saved = await savePhoto(
			{ db: s.database.db, storage: s.storage },
			{ id: me.id, roles: ['member'] },
			me.id,
			photo
		);
		expect(saved.ok).toBe(true);
		await setRoles(s.database.db, { id: admin.id, roles: ['member', 'administrator'] }, me.id, [
			'moderator'
		]);

		expect(await deleteMyAccount({ db: s.database.db, storage: s.storage }, me.id)).toEqual({
			ok: true,
			value: undefined
		});
		expect(await s.database.db.select().from(user).where(eq(user.id, me.id))).toEqual([]);
		expect(
			await s.database.db.select().from(memberProfile).where(eq(memberProfile.userId, me.id))
		).toEqual([]);
		if (saved.ok)
			expect(await s.storage.get(photoKey(me.id, saved.value.version, 'small'))).toBeNull();
		expect(
			await s.database.db.select().from(auditLog).where(eq(auditLog.subjectId, me.id))
		).toEqual([]);
		const erased = await s.database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'account.erased'));
		expect(erased.length).toBeGreaterThan(0);
		await expect(
			s.auth.api.signInEmail({ body: { email: me.email, password: me.password } })
		).rejects.toThrow();
	});
});
