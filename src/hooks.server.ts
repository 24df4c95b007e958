import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { getRequestEvent } from '$app/server';
import { building } from '$app/env';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { getSessionCookie } from 'better-auth/cookies';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { extractLocaleFromUrl } from '#lib/paraglide/runtime.js';
import { localizeHref, withoutLocale } from '#lib/i18n/locale-path.ts';
import { allowedWhileSuspended, suspendedUntil } from '#lib/server/moderation/suspension.ts';
import { config } from '#lib/server/platform/config.ts';
import { createAppContext } from '#lib/server/app/context.ts';
import { app, setApp } from '#lib/server/app/app.ts';
import { createPageCache, isCacheable, type PageCache } from '#lib/server/platform/page-cache.ts';
import { logger } from '#lib/server/platform/logger.ts';
import { createAdmission, type Admission } from '#lib/server/platform/admission.ts';
import { httpDuration, registry } from '#lib/server/platform/metrics.ts';
import { hitRateLimit, ruleForPath } from '#lib/server/platform/rate-limit.ts';
import { clientAddress } from '#lib/server/platform/client-address.ts';
import { metricsAccess } from '#lib/server/platform/metrics-access.ts';
import { API_BODY_LIMIT, declaredTooLarge, readWithin } from '#lib/server/platform/body-limit.ts';
import { hasControlCharacters } from '#lib/http/ids.ts';
import { rolesOf } from '#lib/server/accounts/roles.ts';
import { getBranding } from '#lib/server/admin/branding.ts';
import { brandStyle } from '#lib/server/admin/brand-style.ts';

export const init: ServerInit = async () => {
	// The server runs queued and recurring jobs itself unless JOBS=false (then a worker or cron does).
	const ready = createAppContext(config(), { getRequestEvent, workers: config().jobs });
	setApp(ready);
	const { database } = await ready;
	// adapter-node emits this after SIGTERM/SIGINT once requests have drained; closing the
	// database stops the job queue first (app/context.ts).
	process.once('sveltekit:shutdown' as 'exit', () => {
		database.close().catch((error) => logger.error({ err: error }, 'database close failed'));
	});
};

const UNLOCALISED = /^\/(api|media|healthz|readyz|metrics|_app|favicon|robots\.txt|manifest)/;

const observe: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	if (pathname === '/healthz')
		return new Response('ok', { headers: { 'content-type': 'text/plain' } });
	if (pathname === '/readyz') {
		try {
			const { database } = await app();
			await database.db.execute('select 1');
			return new Response('ready', { headers: { 'content-type': 'text/plain' } });
		} catch {
			return new Response('not ready', { status: 503 });
		}
	}
	if (pathname === '/metrics') return metrics(event);
	const started = performance.now();
	event.locals.clientAddress = clientAddress(
		peerAddress(event),
		event.request.headers.get('x-forwarded-for'),
		config().trustProxy
	);
	const response = await resolve(event);
	httpDuration.observe(
		{ method: event.request.method, route: event.route.id ?? 'other', status: response.status },
		(performance.now() - started) / 1000
	);
	return response;
};

type Event = Parameters<Handle>[0]['event'];

/** The connection's own address (adapter-node reads the socket: no header is trusted here). */
function peerAddress(event: Event) {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** Per-route counts are not public: a bearer token, or loopback only (platform/metrics-access.ts). */
async function metrics(event: Event) {
	const access = metricsAccess({
		token: config().metricsToken,
		authorization: event.request.headers.get('authorization'),
		peerAddress: peerAddress(event),
		forwarded:
			event.request.headers.has('x-forwarded-for') || event.request.headers.has('forwarded')
	});
	if (access === 'unauthorized')
		return new Response('unauthorized', {
			status: 401,
			headers: { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }
		});
	if (access === 'forbidden')
		return new Response('forbidden', { status: 403, headers: { 'content-type': 'text/plain' } });
	return new Response(await registry.metrics(), {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
}

function refuse(event: Event, status: 400 | 404 | 413, code: string, message: string) {
	if (event.url.pathname.startsWith('/api/'))
		return new Response(JSON.stringify({ code, message }), {
			status,
			headers: { 'content-type': 'application/json' }
		});
	return new Response(message, { status, headers: { 'content-type': 'text/plain' } });
}

/**
 * Refusals before any route runs (each route also parses its own input: this is the outer wall).
 * Control characters in the path or query; `?/default`, which SvelteKit reserves and answers with
 * an exception; JSON bodies over API_BODY_LIMIT, refused before anything parses them.
 */
const guard: Handle = async ({ event, resolve }) => {
	if (hasControlCharacters(event.url))
		return refuse(event, 400, 'BAD_REQUEST', 'The address holds characters it may not hold');
	const action = [...event.url.searchParams.keys()].find((k) => k.startsWith('/'));
	if (event.request.method === 'POST' && action === '/default')
		return refuse(event, 404, 'NOT_FOUND', 'No such action');
	if (!event.url.pathname.startsWith('/api/') || !event.request.body) return resolve(event);
	const tooLarge = () =>
		refuse(event, 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${API_BODY_LIMIT} bytes`);
	if (declaredTooLarge(event.request, API_BODY_LIMIT)) return tooLarge();
	if (event.request.headers.has('content-length')) return resolve(event);
	// No declared length (chunked): read it here, within the limit, and hand the bytes on.
	const read = await readWithin(event.request, API_BODY_LIMIT);
	if (!read.ok)
		return read.reason === 'too_large'
			? tooLarge()
			: refuse(event, 400, 'BAD_REQUEST', 'The body could not be read');
	const headers = new Headers(event.request.headers);
	headers.delete('transfer-encoding');
	const request = new Request(event.request.url, {
		method: event.request.method,
		headers,
		body: read.body as BodyInit | null,
		signal: event.request.signal
	});
	// The event's request is read-only; the handles after this one get a copy that holds the bytes.
	return resolve({ ...event, request });
};

/**
 * Rate limits are refused here, for every route they cover, before any action runs: the API
 * answers 429 with a problem; a form's page is shown again as a GET (nothing is sent or stored)
 * with the layout's notice, status 429 and Retry-After. The browser's Back keeps what was typed.
 */
const rateLimit: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST' || !config().rateLimit) return resolve(event);
	const rule = ruleForPath(event.url.pathname);
	if (!rule) return resolve(event);
	const { database } = await app();
	const { allowed, retryAfter } = await hitRateLimit(database.db, rule, event.locals.clientAddress);
	if (allowed) return resolve(event);
	logger.warn({ rule: rule.name }, 'rate limit reached');
	if (event.url.pathname.startsWith('/api/')) {
		return new Response(JSON.stringify({ code: 'RATE_LIMITED', message: 'Too many requests' }), {
			status: 429,
			headers: { 'content-type': 'application/json', 'retry-after': String(retryAfter) }
		});
	}
	event.locals.rateLimited = true;
	const headers = new Headers(event.request.headers);
	for (const name of ['content-type', 'content-length', 'transfer-encoding']) headers.delete(name);
	const request = new Request(event.request.url, {
		method: 'GET',
		headers,
		signal: event.request.signal
	});
	const response = await resolve({ ...event, request });
	const refused = new Headers(response.headers);
	refused.set('retry-after', String(retryAfter));
	return new Response(response.body, { status: 429, headers: refused });
};

let pages: PageCache | undefined;

/** Visitors' public pages, kept a few seconds (platform/page-cache.ts); sessions go straight through. */
const pageCache: Handle = async ({ event, resolve }) => {
	const seconds = config().pageCacheSeconds;
	if (!seconds || !isCacheable(event.request, event.url)) return resolve(event);
	pages ??= createPageCache({ seconds });
	const key = event.url.pathname + event.url.search;
	const hit = pages.get(key);
	if (hit) return hit;
	const response = await resolve(event);
	await pages.put(key, response);
	return response;
};

const authApi: Handle = async ({ event, resolve }) => {
	const { auth } = await app();
	return svelteKitHandler({ event, resolve, auth, building });
};

const i18n: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	if (UNLOCALISED.test(pathname)) return resolve(event);
	const { database } = await app();
	const branding = await getBranding(database.db);
	const urlLocale = extractLocaleFromUrl(event.url);
	// A bare path (/, /sign-in) carries no language: send the person to their own.
	if (!urlLocale && event.request.method === 'GET') {
		return paraglideMiddleware(event.request, ({ locale }) => {
			const chosen = branding.locales.includes(locale) ? locale : branding.locales[0];
			const location = localizeHref(pathname + event.url.search, { locale: chosen });
			return new Response(null, {
				status: 307,
				headers: { location, vary: 'Accept-Language, Cookie' }
			});
		});
	}
	if (urlLocale && !branding.locales.includes(urlLocale)) {
		const rest = pathname.replace(/^\/[a-z]{2}(?=\/|$)/, '') || '/';
		const location = localizeHref(rest + event.url.search, { locale: branding.locales[0] });
		return new Response(null, { status: 307, headers: { location } });
	}
	// Routing already ignores the prefix (reroute in hooks.ts); the middleware sets the request's locale.
	return paraglideMiddleware(event.request, ({ locale }) => {
		return resolve(event, {
			// Read when the page is rendered, after any form action changed the branding.
			transformPageChunk: async ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', locale === 'ar' ? 'rtl' : 'ltr')
					.replace('%passerelle.brand%', brandStyle(await getBranding(database.db)))
		});
	});
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	if (/^\/(_app|healthz|readyz|metrics|favicon|robots\.txt|api\/auth)/.test(event.url.pathname)) {
		return resolve(event);
	}
	// No session cookie, no session: a visitor's request skips the lookup altogether.
	if (!getSessionCookie(event.request.headers)) return resolve(event);
	const { auth, database } = await app();
	const found = await auth.api.getSession({ headers: event.request.headers });
	if (found) {
		event.locals.user = {
			id: found.user.id,
			name: found.user.name,
			locale: String((found.user as { locale?: string }).locale ?? 'en'),
			roles: await rolesOf(database.db, found.user.id),
			suspendedUntil: await suspendedUntil(database.db, found.user.id)
		};
		event.locals.sessionId = found.session.id;
	}
	return resolve(event);
};

/**
 * A suspended account reads, appeals, changes its own settings and leaves; any other form it sends
 * is refused here, before any action runs, the way a rate limit is: the page comes back as a GET
 * with the layout's notice and status 403, and nothing is stored (moderation/suspension.ts).
 */
const suspension: Handle = async ({ event, resolve }) => {
	const until = event.locals.user?.suspendedUntil;
	if (!until || event.request.method !== 'POST') return resolve(event);
	if (allowedWhileSuspended(withoutLocale(event.url.pathname))) return resolve(event);
	if (event.url.pathname.startsWith('/api/'))
		return new Response(JSON.stringify({ code: 'SUSPENDED', message: 'Account suspended' }), {
			status: 403,
			headers: { 'content-type': 'application/json' }
		});
	event.locals.suspendedRefusal = true;
	const headers = new Headers(event.request.headers);
	for (const name of ['content-type', 'content-length', 'transfer-encoding']) headers.delete(name);
	const request = new Request(event.request.url, {
		method: 'GET',
		headers,
		signal: event.request.signal
	});
	const response = await resolve({ ...event, request });
	return new Response(response.body, { status: 403, headers: response.headers });
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('x-content-type-options', 'nosniff');
	h.set('referrer-policy', 'strict-origin-when-cross-origin');
	h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	h.set('cross-origin-opener-policy', 'same-origin');
	if (config().origin.startsWith('https:'))
		h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	if (event.locals.user && !h.has('cache-control')) h.set('cache-control', 'private, no-store');
	return response;
};

let gate: Admission | undefined;

/**
 * A bounded, fair queue in front of the work (platform/admission.ts): past it, a request is told at
 * once to come back (503, Retry-After) instead of waiting until it times out.
 */
const admission: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/_app/')) return resolve(event);
	gate ??= createAdmission(config().admission);
	const leave = await gate.enter();
	if (!leave) {
		logger.warn({ running: gate.running, waiting: gate.waiting }, 'request turned away (busy)');
		return new Response('Busy: please try again in a few seconds.\n', {
			status: 503,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2' }
		});
	}
	try {
		return await resolve(event);
	} finally {
		leave();
	}
};

export const handle = sequence(
	observe,
	admission,
	securityHeaders,
	guard,
	rateLimit,
	pageCache,
	authApi,
	i18n,
	session,
	suspension
);

export const handleError: HandleServerError = (input) => {
	// Expected errors (404, 403) keep their defaults; anything else is a bug, logged once with its route.
	if (input.kind === 'unknown')
		logger.error({ err: input.error, route: input.event.route.id }, 'unexpected error');
};
