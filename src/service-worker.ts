/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { assets } from '$app/manifest';
import { version } from '$app/env';

const files = assets.map((a) => `/${String(a.path).replace(/^\//, '')}`);

/**
 * Reading offline (decision 0032). Pages work without this; it only adds. Lessons, courses,
 * library resources and services opened once are kept and shown from the device when the network
 * is gone; everything else goes to the network as always. Nothing of the application's own code is
 * downloaded ahead (pages need none): only the few static files.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const STATIC = `static-${version}`;
const PAGES = 'pages-v1';
const SAVEABLE =
	/^\/(en|fr|es|ar)\/(offline|courses\/[^/]+(\/[0-9a-f-]{36})?|library\/[0-9a-f-]{36}|services\/[0-9a-f-]{36})$/;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(STATIC)
			.then((c) => c.addAll(files.filter((f) => /\.(js|svg|webmanifest)$/.test(f))))
	);
	sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys.filter((k) => k.startsWith('static-') && k !== STATIC).map((k) => caches.delete(k))
				)
			)
			.then(() => sw.clients.claim())
	);
});

async function page(request: Request) {
	const url = new URL(request.url);
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		if (response.ok && SAVEABLE.test(url.pathname)) await cache.put(url.pathname, response.clone());
		return response;
	} catch {
		const saved = await cache.match(url.pathname);
		if (saved) return saved;
		return new Response(
			'<!doctype html><meta charset="utf-8"><title>Offline</title><p>You are offline. / Vous êtes hors ligne. / Está sin conexión. / أنت غير متصل.</p>',
			{
				status: 503,
				headers: { 'content-type': 'text/html; charset=utf-8' }
			}
		);
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.mode === 'navigate') return event.respondWith(page(request));
	if (files.includes(url.pathname))
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
	// A lesson's pictures and sounds: kept once seen, like the lesson.
	else if (/^\/courses\/[^/]+\/media\//.test(url.pathname))
		event.respondWith(
			caches.open(PAGES).then(async (cache) => {
				const hit = await cache.match(url.pathname);
				if (hit) return hit;
				const response = await fetch(request);
				if (response.ok) await cache.put(url.pathname, response.clone());
				return response;
			})
		);
});

sw.addEventListener('message', (event) => {
	// Signing out forgets what was kept (a shared phone).
	if (event.data === 'forget') event.waitUntil(caches.delete(PAGES));
});
