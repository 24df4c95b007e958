import { randomUUID } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { drizzleAdapter } from '@better-auth/drizzle-adapter';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { phoneNumber } from 'better-auth/plugins/phone-number';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import { isReservedEmail, nameSchema } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import { account, session, user, verification } from './schema.ts';
import type { Mailer } from '../platform/mail.ts';
import { NO_EMAIL_DOMAIN } from '../platform/mail.ts';
import type { SmsSender } from '../platform/sms.ts';
import type { OidcProvider } from '../platform/config.ts';
import { authEmails } from './auth-messages.ts';
import { requestLocale } from './request-locale.ts';
import { authGuard } from './auth-guard.ts';
import { withHashedSessionTokens } from './hashed-tokens.ts';
import {
	hashPhoneCodeOnCreate,
	PHONE_IDENTIFIER_PREFIX,
	storedPhoneIdentifier,
	verifyPhoneCode
} from './phone-codes.ts';
import { auditFailedSignIns, auditSignIn } from './sign-in-audit.ts';

export type AuthOptions = {
	db: Db;
	origin: string;
	secret: string;
	mailer: Mailer;
	sms: SmsSender;
	oidcProviders: OidcProvider[];
	getRequestEvent?: () => RequestEvent | undefined;
	/** Per-target limits (numbers, addresses, accounts); off when the deployment turns limits off. */
	rateLimit?: boolean;
	/** Called when a person's name changed, whichever path changed it (search keys follow). */
	onRenamed?: (userId: string) => Promise<void>;
};

/**
 * Placeholder for phone-only accounts: the reserved `.invalid` domain is never delivered and can
 * never be typed (emailSchema refuses it); random, so two accounts can never collide on it.
 */
export function phoneOnlyEmail() {
	return `${randomUUID()}@${NO_EMAIL_DOMAIN}`;
}

/** A new phone account has no name until its owner gives one, after the code (routes/welcome). */
export const PENDING_NAME = '';

const PHONE_SIGN_UP_PATH = '/phone-number/verify';

export function createAuth(opts: AuthOptions) {
	const secure = opts.origin.startsWith('https://');
	return betterAuth({
		appName: 'Passerelle',
		baseURL: opts.origin,
		secret: opts.secret,
		trustedOrigins: [opts.origin],
		database: withHashedSessionTokens(
			drizzleAdapter(opts.db, {
				provider: 'pg',
				schema: { user, session, account, verification }
			})
		),
		verification: {
			// Reset-link tokens live in identifiers: hashed, like the phone codes' (phone-codes.ts).
			storeIdentifier: {
				default: 'hashed',
				overrides: { [PHONE_IDENTIFIER_PREFIX]: { hash: storedPhoneIdentifier } }
			}
		},
		user: {
			additionalFields: {
				locale: { type: 'string', required: false, defaultValue: 'en', input: true }
			}
		},
		session: {
			expiresIn: 60 * 60 * 24 * 30,
			updateAge: 60 * 60 * 24
		},
		// Limits are applied in one place for forms and API alike (hooks.server.ts, rate-limit.ts).
		rateLimit: { enabled: false },
		advanced: {
			useSecureCookies: secure,
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure }
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			minPasswordLength: 10,
			maxPasswordLength: 128,
			revokeSessionsOnPasswordReset: true,
			async sendResetPassword({ user, url }) {
				const email = authEmails(requestLocale(user as { locale?: unknown })).reset(url);
				await opts.mailer.send({ to: user.email, ...email });
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			sendOnSignIn: true,
			autoSignInAfterVerification: true,
			async sendVerificationEmail({ user, url }) {
				const email = authEmails(requestLocale(user as { locale?: unknown })).verify(url);
				await opts.mailer.send({ to: user.email, ...email });
			}
		},
		account: {
			accountLinking: { enabled: true, trustedProviders: [] },
			// Tokens from identity providers are kept encrypted with the auth secret.
			encryptOAuthTokens: true
		},
		hooks: {
			before: authGuard({ db: opts.db, rateLimit: opts.rateLimit ?? true }),
			after: auditFailedSignIns(opts.db)
		},
		databaseHooks: {
			user: {
				create: {
					async before(user, ctx) {
						// Only the phone sign-up makes placeholder addresses, and it names the account later.
						if (ctx?.path === PHONE_SIGN_UP_PATH && user.email.endsWith(`@${NO_EMAIL_DOMAIN}`))
							return { data: { ...user, name: PENDING_NAME } };
						if (isReservedEmail(user.email))
							throw new APIError('BAD_REQUEST', {
								code: 'INVALID_EMAIL',
								message: 'Invalid email'
							});
						const name = nameSchema.safeParse(user.name);
						if (!name.success)
							throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', message: 'Invalid name' });
						return { data: { ...user, name: name.data } };
					}
				},
				update: {
					async before(user) {
						if (user.name === undefined) return;
						const name = nameSchema.safeParse(user.name);
						if (!name.success)
							throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', message: 'Invalid name' });
						return { data: { ...user, name: name.data } };
					},
					async after(user) {
						if (opts.onRenamed) await opts.onRenamed(user.id);
					}
				}
			},
			session: {
				create: {
					async after(session, ctx) {
						await auditSignIn(opts.db, session.userId, ctx?.path);
					}
				}
			},
			verification: {
				create: { before: hashPhoneCodeOnCreate(opts.secret) }
			}
		},
		plugins: [
			phoneNumber({
				otpLength: 6,
				expiresIn: 600,
				allowedAttempts: 5,
				verifyOTP: verifyPhoneCode(opts.secret),
				async sendOTP({ phoneNumber, code }) {
					await opts.sms.send({ to: phoneNumber, body: authEmails(requestLocale()).otp(code) });
				},
				signUpOnVerification: {
					getTempEmail: phoneOnlyEmail,
					getTempName: () => PENDING_NAME
				}
			}),
			...(opts.oidcProviders.length
				? [
						genericOAuth({
							config: opts.oidcProviders.map((p) => ({
								providerId: p.id,
								name: p.name,
								discoveryUrl: `${p.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
								clientId: p.clientId,
								clientSecret: p.clientSecret,
								scopes: p.scopes ?? ['openid', 'email', 'profile'],
								pkce: true
							}))
						})
					]
				: []),
			// Must stay last: copies cookies set by server-side API calls onto SvelteKit's response.
			sveltekitCookies((opts.getRequestEvent ?? (() => undefined)) as () => RequestEvent)
		]
	});
}

export type Auth = ReturnType<typeof createAuth>;
