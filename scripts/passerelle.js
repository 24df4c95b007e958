// Administration commands: `npm run passerelle -- <command> [--flag value]`.
import process from 'node:process';
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run passerelle -- <command>

Commands:
  create-admin --email ADDRESS --name NAME [--password PASSWORD]
      Create the first administrator (or promote an existing account). Without --password,
      one is generated and printed once.
  import esco DIR [--language CODE]  Import ESCO CSVs (occupations_<lang>.csv, skills_<lang>.csv).
  seed [--members N] [--organisations N] [--seed S]
      Add a synthetic, deterministic population (for benchmarks and demos). Also: npm run seed -- …

With the embedded database, stop the server first: one process at a time opens it.`;

const [command, ...rest] = process.argv.slice(2);
const { parseConfig, ConfigError } = await import('../src/lib/server/platform/config.ts');

async function withServices(fn) {
	let config;
	try {
		config = { ...parseConfig(process.env), seedDemo: false };
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
	process.env.LOG_LEVEL ??= 'warn';
	const { createServices } = await import('../src/lib/server/platform/services.ts');
	const services = await createServices(config);
	try {
		return await fn(services);
	} finally {
		await services.database.close();
	}
}

switch (command) {
	case 'create-admin': {
		const { values } = parseArgs({
			args: rest,
			options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } }
		});
		const { createAdmin } = await import('../src/lib/server/accounts/create-admin.ts');
		const result = await withServices((s) =>
			createAdmin(s.database.db, s.auth, {
				email: values.email ?? '',
				name: values.name ?? '',
				password: values.password ?? process.env.PASSERELLE_ADMIN_PASSWORD
			})
		);
		if (!result.ok) {
			console.error(result.error);
			process.exit(1);
		}
		console.log(
			result.created ? 'Administrator created.' : 'Existing account is now an administrator.'
		);
		if (result.generatedPassword) console.log(`Password (shown once): ${result.generatedPassword}`);
		break;
	}
	case 'import': {
		const { positionals, values } = parseArgs({
			args: rest,
			allowPositionals: true,
			options: { language: { type: 'string' } }
		});
		const [what, dir] = positionals;
		if (what !== 'esco' || !dir || positionals.length > 2) {
			console.error(USAGE);
			process.exit(1);
		}
		const { importEsco } = await import('../src/lib/server/esco/import-esco.ts');
		const result = await withServices((s) =>
			importEsco(s.database.db, dir, { language: values.language })
		);
		if (!result.ok) {
			console.error(result.message);
			process.exit(1);
		}
		console.log(
			`Imported ${result.occupations} occupations and ${result.skills} skills ` +
				`(languages: ${result.languages.join(', ')}).`
		);
		break;
	}
	case 'seed': {
		const { values } = parseArgs({
			args: rest,
			options: {
				members: { type: 'string' },
				organisations: { type: 'string' },
				seed: { type: 'string' }
			}
		});
		const number = (v, fallback) => {
			const n = v === undefined ? fallback : Number(v);
			if (!Number.isInteger(n) || n < 0 || n > 10_000_000) {
				console.error(`Not a count: ${v}`);
				process.exit(1);
			}
			return n;
		};
		const options = {
			members: number(values.members, 1000),
			organisations: number(values.organisations, 50),
			seed: number(values.seed, 42)
		};
		const { generatePopulation } = await import('../src/lib/server/members/generate-population.ts');
		const started = Date.now();
		await withServices((s) =>
			generatePopulation(s.database.db, options, (line) => console.log(line))
		);
		console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
		break;
	}
	default:
		console.log(USAGE);
		process.exit(command && command !== 'help' ? 1 : 0);
}
