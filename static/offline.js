// Reading offline (decision 0032): adds to pages that work without it. Registers the service
// worker, marks a page kept for offline, lists what is kept, saves a whole course, and queues quiz
// answers given offline until the network returns (the server counts a resent answer once).
(() => {
	const sw = navigator.serviceWorker;
	if (!sw || !window.caches) return;
	sw.register('/service-worker.js');
	const PAGES = 'pages-v1';
	const KEY = 'passerelle-queued-answers';
	const all = (s) => document.querySelectorAll(s);
	const show = (s, on = true) => all(s).forEach((e) => (e.hidden = !on));
	caches
		.open(PAGES)
		.then((c) => c.match(location.pathname))
		.then((hit) => hit && show('[data-offline-mark]'));
	const list = document.querySelector('[data-offline-list]');
	if (list)
		caches.open(PAGES).then(async (c) => {
			for (const req of await c.keys()) {
				const url = new URL(req.url);
				if (!/^\/(en|fr|es|ar)\//.test(url.pathname)) continue;
				const title = ((await (await c.match(req)).text()).match(/<title>([^<]*)/) || [])[1];
				const a = document.createElement('a');
				a.href = url.pathname;
				a.textContent = (title || url.pathname).replace(/&amp;/g, '&').replace(/&#39;/g, "'");
				list.appendChild(document.createElement('li')).appendChild(a);
				show('[data-offline-empty]', false);
			}
		});
	show('[data-save-course-wrap]');
	const save = document.querySelector('[data-save-course]');
	save?.addEventListener('click', async () => {
		save.disabled = true;
		const c = await caches.open(PAGES);
		await c.add(location.pathname).catch(() => {});
		for (const a of all('a[data-lesson]')) await c.add(new URL(a.href).pathname).catch(() => {});
		show('[data-course-saved]');
		show('[data-offline-mark]');
	});
	all('form[action$="/sign-out"]').forEach((f) =>
		f.addEventListener('submit', () => caches.delete(PAGES))
	);
	const queued = () => JSON.parse(localStorage.getItem(KEY) || '[]');
	const send = async () => {
		const q = queued();
		const left = [];
		for (const item of q)
			try {
				const r = await fetch(item.url, { method: 'POST', body: new URLSearchParams(item.fields) });
				if (r.status >= 500) left.push(item);
			} catch {
				left.push(item);
			}
		localStorage.setItem(KEY, JSON.stringify(left));
		if (q.length && !left.length) {
			show('[data-queued]', false);
			show('[data-sent]');
		}
	};
	const quiz = document.querySelector('form[data-quiz]');
	quiz?.addEventListener('submit', (e) => {
		if (navigator.onLine) return;
		e.preventDefault();
		const fields = [...new FormData(quiz)].map(([k, v]) => [k, String(v)]);
		localStorage.setItem(KEY, JSON.stringify([...queued(), { url: quiz.action, fields }]));
		show('[data-queued]');
	});
	addEventListener('online', send);
	if (navigator.onLine && queued().length) send();
})();
