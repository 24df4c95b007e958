import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { emailSchema, phoneSchema } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { user } from '../accounts/schema.ts';
import { NO_EMAIL_DOMAIN } from '../platform/mail.ts';

/** A contact as the forms give it: an address (lower case) or an E.164 number. */
export type Contact = { email: string; phone?: never } | { phone: string; email?: never };

/** Parses what someone typed into an e-mail address or a phone number, told apart by the `@`. */
export function parseContact(raw: unknown): Contact | null {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (!value || value.length > 254) return null;
	if (value.includes('@')) {
		const email = emailSchema.safeParse(value);
		return email.success ? { email: email.data } : null;
	}
	const phone = phoneSchema.safeParse(value);
	return phone.success ? { phone: phone.data } : null;
}

export const contactValue = (c: Contact) => (c.email ?? c.phone)!;

/** A link token: 32 random bytes for the link, only its hash in the database. */
export function newToken() {
	const token = randomBytes(32).toString('base64url');
	return { token, hash: hashToken(token) };
}

export function hashToken(token: string) {
	return createHash('sha256').update(token).digest('base64url');
}

/** Tokens as they come from a path: anything else is not a token and matches nothing. */
export function isTokenShaped(token: unknown): token is string {
	return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * The contacts an account has proved it controls: its verified address (not the reserved one of
 * phone-only accounts) and its verified phone number. Only these match invitations and referrals.
 */
export async function verifiedContacts(db: Db | Tx, userId: string) {
	const [row] = await db
		.select({
			email: user.email,
			emailVerified: user.emailVerified,
			phone: user.phoneNumber,
			phoneVerified: user.phoneNumberVerified,
			locale: user.locale
		})
		.from(user)
		.where(eq(user.id, userId));
	if (!row) return { contacts: [] as string[], locale: 'en' };
	const contacts: string[] = [];
	if (row.emailVerified && !row.email.endsWith(`@${NO_EMAIL_DOMAIN}`))
		contacts.push(row.email.toLowerCase());
	if (row.phone && row.phoneVerified) contacts.push(row.phone);
	return { contacts, locale: row.locale };
}

/**
 * The account using a contact, if any, only to word the message its owner receives (their
 * language; "sign in" rather than "create an account"). Never part of an answer to someone else.
 */
export async function accountForContact(db: Db, contact: Contact) {
	const [row] = await db
		.select({ locale: user.locale })
		.from(user)
		.where(contact.email ? eq(user.email, contact.email) : eq(user.phoneNumber, contact.phone!));
	return row ?? null;
}
