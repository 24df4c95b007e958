import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from './schema.ts';

export async function phoneHasAccount(db: Db, phone: string) {
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.phoneNumber, phone));
	return Boolean(row);
}

/** A new phone-only account gets the name the person typed (better-auth creates it with a placeholder). */
export async function nameNewPhoneAccount(db: Db, userId: string, name: string) {
	await db.update(user).set({ name, updatedAt: new Date() }).where(eq(user.id, userId));
}
