import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { drizzleAdapter } from '@better-auth/drizzle-adapter';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { phoneNumber } from 'better-auth/plugins/phone-number';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import type { RequestEvent } from '@sveltejs/kit';
import { nameSchema } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import * as schema from '../db/schema.ts';
import type { Mailer } from '../platform/mail.ts';
import { NO_EMAIL_DOMAIN } from '../platform/mail.ts';
import type { SmsSender } from '../platform/sms.ts';
import type { OidcProvider } from '../platform/config.ts';
import { authEmails } from './auth-messages.ts';
import { requestLocale } from './request-locale.ts';

export type AuthOptions = {
	db: Db;
	origin: string;
	secret: string;
	mailer: Mailer;
	sms: SmsSender;
	oidcProviders: OidcProvider[];
	getRequestEvent?: () => RequestEvent | undefined;
};

/** Placeholder for phone-only accounts: the reserved `.invalid` domain is never delivered. */
export function phoneOnlyEmail(phone: string) {
	return `${phone.replace(/\D/g, '')}@${NO_EMAIL_DOMAIN}`;
}

export function createAuth(opts: AuthOptions) {
	const secure = opts.origin.startsWith('https://');
	return betterAuth({
		appName: 'Passerelle',
		baseURL: opts.origin,
		secret: opts.secret,
		trustedOrigins: [opts.origin],
		database: drizzleAdapter(opts.db, { provider: 'pg', schema }),
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
		account: { accountLinking: { enabled: true, trustedProviders: [] } },
		databaseHooks: {
			user: {
				create: {
					async before(user) {
						if (user.email.endsWith(`@${NO_EMAIL_DOMAIN}`)) return;
						const name = nameSchema.safeParse(user.name);
						if (!name.success) throw new APIError('BAD_REQUEST', { message: 'Invalid name' });
						return { data: { ...user, name: name.data } };
					}
				},
				update: {
					async before(user) {
						if (user.name === undefined) return;
						const name = nameSchema.safeParse(user.name);
						if (!name.success) throw new APIError('BAD_REQUEST', { message: 'Invalid name' });
						return { data: { ...user, name: name.data } };
					}
				}
			}
		},
		plugins: [
			phoneNumber({
				otpLength: 6,
				expiresIn: 600,
				allowedAttempts: 5,
				async sendOTP({ phoneNumber, code }) {
					await opts.sms.send({ to: phoneNumber, body: authEmails(requestLocale()).otp(code) });
				},
				signUpOnVerification: {
					getTempEmail: phoneOnlyEmail,
					getTempName: () => 'Member'
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
