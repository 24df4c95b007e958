// Serves the built platform (build/). Configuration is checked first: a wrong value stops here
// with one line naming the variable, before anything listens.
import { existsSync } from 'node:fs';
import process from 'node:process';

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
if (!existsSync(new URL('../build/index.js', import.meta.url))) {
	console.error(
		'No build found: run `npm run build` first (or `npm start`, which builds when needed).'
	);
	process.exit(1);
}
process.env.PORT = String(config.port);
process.env.HOST = config.host;
process.env.BODY_SIZE_LIMIT ??= '4M';
// adapter-node's own variable for the public origin; only set when the deployment set one.
if (process.env.ORIGIN) process.env.ORIGIN = config.origin;
await import('../build/index.js');
console.log(
	`Passerelle listening on ${config.origin} (${config.embedded ? 'embedded PGlite in ' + config.dataDir : 'PostgreSQL'})`
);
