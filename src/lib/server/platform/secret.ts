import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { setting } from './schema.ts';

/**
 * The signing secret: AUTH_SECRET when set, otherwise one generated on first start and kept in
 * the database so that every instance on the same database shares it.
 */
export async function ensureAuthSecret(db: Db, fromEnv?: string): Promise<string> {
	if (fromEnv) return fromEnv;
	await db
		.insert(setting)
		.values({ key: 'auth_secret', value: randomBytes(48).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db
		.select({ value: setting.value })
		.from(setting)
		.where(eq(setting.key, 'auth_secret'));
	return String(row.value);
}
