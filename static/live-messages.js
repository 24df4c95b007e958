// Live messages, for browsers with JavaScript: when a message arrives in one of the reader's
// conversations (/messages/stream, Server-Sent Events), the list or thread on this page is fetched
// again and swapped in, leaving what the reader is typing alone. Without JavaScript the page shows
// new messages on reload or when the form is sent.
(function () {
	if (!('EventSource' in window) || !window.DOMParser) return;
	var region = document.getElementById('live-thread') || document.getElementById('live-list');
	if (!region) return;
	var busy = false;
	var again = false;
	function refresh() {
		if (busy) {
			again = true;
			return;
		}
		busy = true;
		fetch(location.pathname + location.search, { credentials: 'same-origin' })
			.then(function (r) {
				return r.ok ? r.text() : null;
			})
			.then(function (html) {
				if (!html) return;
				var next = new DOMParser().parseFromString(html, 'text/html');
				var fresh = next.getElementById(region.id);
				if (fresh) region.innerHTML = fresh.innerHTML;
				var badge = document.querySelector('[data-live-count]');
				var freshBadge = next.querySelector('[data-live-count]');
				if (badge && freshBadge) badge.innerHTML = freshBadge.innerHTML;
				var last = region.querySelector('li:last-child');
				if (last && region.id === 'live-thread') last.scrollIntoView({ block: 'nearest' });
			})
			.catch(function () {})
			.then(function () {
				busy = false;
				if (again) {
					again = false;
					refresh();
				}
			});
	}
	var source = new EventSource('/messages/stream');
	source.addEventListener('message', function (event) {
		var data;
		try {
			data = JSON.parse(event.data);
		} catch {
			return;
		}
		var here = region.getAttribute('data-conversation');
		if (!here || here === data.conversation) refresh();
	});
})();
