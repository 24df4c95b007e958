// Serves the built platform (build/). Configuration is checked first: a wrong value stops here
// with one line naming the variable, before anything listens.
import { existsSync } from 'node:fs';
import http from 'node:http';
import process from 'node:process';
import compression from 'compression';

const { parseConfig, ConfigError } = await import('../src/lib/server/platform/config.ts');
let config;
try {
	config = parseConfig(process.env);
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
if (!existsSync(new URL('../build/handler.js', import.meta.url))) {
	console.error(
		'No build found: run `npm run build` first (or `npm start`, which builds when needed).'
	);
	process.exit(1);
}

// The public origin is the configured ORIGIN, whatever Host or X-Forwarded-* a client sends:
// form posts are checked against it and links in e-mails are built from it.
const origin = new URL(config.origin);
process.env.PROTOCOL_HEADER = 'x-passerelle-proto';
process.env.HOST_HEADER = 'x-passerelle-host';
// Photo uploads need a few MB. This limit only makes a body fail when it is read: JSON endpoints
// (/api/*, better-auth) get their own, much smaller one, checked before parsing (hooks.server.ts).
process.env.BODY_SIZE_LIMIT ??= '4M';
// TRUST_PROXY alone decides which client address counts (hooks.server.ts reads X-Forwarded-For
// through it): adapter-node must keep reporting the connection's own address.
delete process.env.ADDRESS_HEADER;
delete process.env.XFF_DEPTH;

const { handler } = await import('../build/handler.js');
// Live messages (text/event-stream) are never compressed: compression holds bytes back until a
// buffer fills, and an event must leave as soon as it is written.
const compress = compression({
	threshold: 512,
	filter: (req, res) =>
		!String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') &&
		compression.filter(req, res)
});

const server = http.createServer((req, res) => {
	req.headers['x-passerelle-proto'] = origin.protocol.slice(0, -1);
	req.headers['x-passerelle-host'] = origin.host;
	// SMS gateways post forms from their own servers, without an Origin header, and SvelteKit
	// refuses cross-site form posts before any hook runs. This one endpoint is authenticated by its
	// signature (services/sms/inbound-request.ts), not by cookies, so it is treated as same-origin.
	if (req.method === 'POST' && req.url?.split('?')[0] === '/api/sms/inbound')
		req.headers.origin = origin.origin;
	compress(req, res, () => handler(req, res));
});
server.keepAliveTimeout = 65_000;

server.listen(config.port, config.host, () => {
	console.log(
		`Passerelle listening on ${config.origin} (${config.embedded ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`
	);
});

let stopping = false;
function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: finishing requests, then stopping`);
	server.close(() => {
		// Lets the app close its database cleanly (see hooks.server.ts).
		process.emit('sveltekit:shutdown', signal);
		setTimeout(() => process.exit(0), 1_000).unref();
	});
	server.closeIdleConnections();
	setTimeout(() => process.exit(1), 15_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
