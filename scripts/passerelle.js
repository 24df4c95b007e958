// Administration commands: `npm run passerelle -- <command> [--flag value]`.
import process from 'node:process';
import { parseArgs } from 'node:util';

// Commands log warnings and errors only, unless LOG_LEVEL says otherwise. Set before any module
// is loaded: the logger reads it once, when platform/logger.ts is first imported, and a command's
// own modules (the seed generators, through their imports) load it before the app context is made.
process.env.LOG_LEVEL ??= 'warn';

const USAGE = `Usage: npm run passerelle -- <command>

Commands:
  create-admin --email ADDRESS --name NAME [--password PASSWORD]
      Create the first administrator (or promote an existing account). Without --password,
      one is generated and printed once.
  import esco DIR [--language CODE]  Import ESCO CSVs (occupations_<lang>.csv, skills_<lang>.csv).
  import lexicon FILE --language en|fr|es|ar
      Add the terms of a lexicon (one per line, or HurtLex's TSV) that flag text for moderators
      when it is saved. Matches go to the moderation queue; nothing is removed.
  classify TEXT  Score TEXT with the classifier TEXT_CLASSIFIER_DIR names (each label, and
      whether it would flag at TEXT_CLASSIFIER_THRESHOLD): to try a model before setting it.
  import hsds PATH [--time-zone ZONE] [--skip-invalid]
      Import Open Referral HSDS 3.1: a JSON file (service, organization, list or array) or a
      directory with datapackage.json and CSVs. Nothing is stored if any record is invalid, unless
      --skip-invalid: then every valid record is imported and those left out are listed.
      ZONE (IANA, e.g. Europe/Paris) is for schedules that give no UTC offset.
  export course SLUG FILE  Write a course (its lessons, quizzes and files) into one archive.
  import course FILE [--organisation SLUG] [--slug SLUG] [--publish]
      Load a course archive as a draft of the organisation (or of the platform); --publish
      publishes it at once; --slug when this deployment already has a course of that slug.
  certificate revoke ID --reason TEXT  Revoke a course certificate: its page and every verifier
      reading the platform's status list then say it is no longer valid.
  export hsds DIR [--format json|csv]  Write published services as HSDS 3.1 into DIR: JSON files
      (services.json…, the default) or the tabular package (datapackage.json and CSVs).
  match --member ID | --opportunity ID [--language en|fr|es|ar] [--limit N] [--json]
      The ranking matching gives, best first: for a member, the open opportunities; for an
      opportunity, the members who might fit; each with its score and the reasons people read.
      --json prints a JSON array of { id, score, reasons } (and title or name).
  jobs run  Run the recurring jobs now (stale-service and overdue-referral reminders) and deliver
      what is queued; the server runs them on their own schedule unless started with JOBS=false.
  backup FILE  Write the whole database and every stored file into FILE (one gzip'd file).
  restore FILE  Replace the database's content and add the files from a backup made by the same
      version. Runs in one transaction: a damaged file changes nothing.
  seed [--members N] [--organisations N] [--services N] [--referrals N] [--messages N]
       [--conversations N] [--communities N] [--events N] [--resources N]
       [--opportunities N] [--mentoring-programmes N] [--seed S]
      Add a synthetic, deterministic population (for benchmarks and demos). Also: npm run seed -- …
      --services and --referrals (default 0) add services with locations, and referrals to them.
      --messages (default 0) adds private messages between generated members, over --conversations
      conversations (default a tenth of the messages). --communities adds communities with
      threads and replies (the first with 2,000 threads); --events upcoming events with
      registrations; --resources library resources (a tenth waiting for a moderator);
      --opportunities posts of every type asking ESCO skills, and --mentoring-programmes
      programmes with 30 applications each (both give every generated member a skills profile).
      Everything it adds is example content, marked and removed like the demo.
  demo remove  Remove all example content (demo and generated members, organisations, their
      services and places, and referrals that involve them) and nothing else, before a pilot.
      A restart does not bring it back.

With the embedded database, stop the server first: one process at a time opens it.`;

const [command, ...rest] = process.argv.slice(2);
const { parseConfig, ConfigError } = await import('../src/lib/server/platform/config.ts');

async function withApp(fn) {
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
	const { createAppContext } = await import('../src/lib/server/app/context.ts');
	const context = await createAppContext(config);
	try {
		return await fn(context);
	} finally {
		await context.database.close();
	}
}

switch (command) {
	case 'create-admin': {
		const { values } = parseArgs({
			args: rest,
			options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } }
		});
		const { createAdmin } = await import('../src/lib/server/accounts/create-admin.ts');
		const result = await withApp((s) =>
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
			options: {
				language: { type: 'string' },
				'time-zone': { type: 'string' },
				'skip-invalid': { type: 'boolean' },
				organisation: { type: 'string' },
				slug: { type: 'string' },
				publish: { type: 'boolean' }
			}
		});
		const [what, dir] = positionals;
		if (!['esco', 'hsds', 'lexicon', 'course'].includes(what) || !dir || positionals.length > 2) {
			console.error(USAGE);
			process.exit(1);
		}
		if (what === 'course') {
			const { readFile } = await import('node:fs/promises');
			const { importCourse } = await import('../src/lib/server/courses/archive.ts');
			let archive;
			try {
				archive = await readFile(dir);
			} catch {
				console.error(`Cannot read ${dir}.`);
				process.exit(1);
			}
			const result = await withApp((s) =>
				importCourse({ db: s.database.db, storage: s.storage }, new Uint8Array(archive), {
					organisation: values.organisation,
					slug: values.slug,
					publish: values.publish ?? false
				})
			);
			if (!result.ok) {
				console.error(Object.values(result.errors ?? {}).join('; ') || result.kind);
				process.exit(1);
			}
			console.log(
				`Imported ${result.value.slug}${values.publish ? ', published' : ' as a draft'}.`
			);
			break;
		}
		if (what === 'lexicon') {
			if (!values.language) {
				console.error('import lexicon needs --language en, fr, es or ar.');
				process.exit(1);
			}
			const { importLexicon } = await import('../src/lib/server/moderation/lexicon.ts');
			const result = await withApp((s) => importLexicon(s.database.db, dir, values.language));
			if (!result.ok) {
				console.error(
					result.kind === 'not_found'
						? `Cannot read ${dir}.`
						: 'The language must be en, fr, es or ar.'
				);
				process.exit(1);
			}
			console.log(
				`Read ${result.value.read} terms; ${result.value.added} were new (${values.language}).`
			);
			break;
		}
		if (what === 'hsds') {
			const { importHsds } = await import('../src/lib/server/services/hsds/import.ts');
			const result = await withApp((s) =>
				importHsds(s.database.db, dir, {
					timeZone: values['time-zone'],
					skipInvalid: values['skip-invalid'] ?? false
				})
			);
			const line = (i) =>
				`${i.file}${i.row !== undefined && i.row !== '' ? `:${i.row}` : ''}${i.field ? ` ${i.field}` : ''} — ${i.message}`;
			if (!result.ok) {
				for (const error of result.errors) console.error(line(error));
				if (result.errorCount > result.errors.length)
					console.error(`… ${result.errorCount - result.errors.length} more errors.`);
				console.error(`Nothing was imported (${result.errorCount} errors).`);
				process.exit(1);
			}
			for (const warning of result.warnings) console.warn(`warning: ${line(warning)}`);
			for (const skipped of result.skipped) console.warn(`skipped: ${line(skipped)}`);
			if (result.skipped.length)
				console.warn(
					`${result.skipped.length} problems: the records they concern were left out, the rest imported.`
				);
			console.log(
				`Imported: organizations ${result.organizations}, services ${result.services}, ` +
					`locations ${result.locations}, service_at_locations ${result.serviceAtLocations}, ` +
					`taxonomies ${result.taxonomies}, taxonomy terms ${result.taxonomyTerms}.`
			);
			break;
		}
		const { importEsco } = await import('../src/lib/server/esco/import-esco.ts');
		const result = await withApp((s) =>
			importEsco(s.database.db, dir, { language: values.language })
		);
		if (!result.ok) {
			console.error(result.message);
			process.exit(1);
		}
		console.log(
			`Imported ${result.occupations} occupations and ${result.skills} skills ` +
				`(languages: ${result.languages.join(', ')}), ${result.broader} links to broader concepts.`
		);
		break;
	}
	case 'export': {
		const { positionals, values } = parseArgs({
			args: rest,
			allowPositionals: true,
			options: { format: { type: 'string', default: 'json' } }
		});
		const [what, dir] = positionals;
		if (what === 'course') {
			const [, slug, file] = positionals;
			if (!slug || !file || positionals.length > 3) {
				console.error(USAGE);
				process.exit(1);
			}
			const { writeFile } = await import('node:fs/promises');
			const { exportCourse } = await import('../src/lib/server/courses/archive.ts');
			const result = await withApp((s) =>
				exportCourse({ db: s.database.db, storage: s.storage }, slug)
			);
			if (!result.ok) {
				console.error(`No course ${slug}.`);
				process.exit(1);
			}
			await writeFile(file, result.value);
			console.log(`Wrote ${slug} to ${file} (${result.value.byteLength} bytes).`);
			break;
		}
		if (
			what !== 'hsds' ||
			!dir ||
			positionals.length > 2 ||
			!['json', 'csv'].includes(values.format)
		) {
			console.error(USAGE);
			process.exit(1);
		}
		const { exportHsds, HsdsExportError } =
			await import('../src/lib/server/services/hsds/export.ts');
		try {
			const counts = await withApp((s) =>
				exportHsds(s.database.db, dir, { format: values.format })
			);
			console.log(
				`Exported to ${dir}: services ${counts.services}, organizations ${counts.organizations}, ` +
					`service_at_locations ${counts.serviceAtLocations}, taxonomies ${counts.taxonomies}, ` +
					`taxonomy terms ${counts.taxonomyTerms}.`
			);
		} catch (error) {
			if (!(error instanceof HsdsExportError)) throw error;
			console.error(error.message);
			process.exit(1);
		}
		break;
	}
	case 'classify': {
		const text = rest.join(' ');
		const settings = (() => {
			try {
				return parseConfig(process.env).textClassifier;
			} catch (error) {
				if (error instanceof ConfigError) {
					console.error(error.message);
					process.exit(1);
				}
				throw error;
			}
		})();
		if (!settings || !text) {
			console.error('classify needs TEXT_CLASSIFIER_DIR set and a text: classify "some words"');
			process.exit(1);
		}
		const { loadClassifier, ClassifierError } =
			await import('../src/lib/server/moderation/classifier.ts');
		try {
			const classifier = await loadClassifier(settings.dir, settings);
			for (const { label, score } of await classifier.scores(text))
				console.log(`${label}\t${score.toFixed(3)}`);
			const [flag] = await classifier.classify([text]);
			console.log(
				flag
					? `Flags for moderators: ${flag.label} ${flag.score.toFixed(3)} ≥ ${settings.threshold}`
					: `Does not flag (threshold ${settings.threshold}, labels ${classifier.flagging.join(', ')}).`
			);
			await classifier.close();
		} catch (error) {
			if (error instanceof ClassifierError) {
				console.error(`TEXT_CLASSIFIER_DIR ${settings.dir}: ${error.message}`);
				process.exit(1);
			}
			throw error;
		}
		break;
	}
	case 'certificate': {
		const { positionals, values } = parseArgs({
			args: rest,
			allowPositionals: true,
			options: { reason: { type: 'string' } }
		});
		const [verb, id] = positionals;
		if (verb !== 'revoke' || !id || !values.reason || positionals.length > 2) {
			console.error(USAGE);
			process.exit(1);
		}
		const { revokeCertificate } = await import('../src/lib/server/courses/certificates.ts');
		const result = await withApp((s) => revokeCertificate(s.database.db, null, id, values.reason));
		if (!result.ok) {
			console.error(`No certificate ${id} that is not already revoked.`);
			process.exit(1);
		}
		console.log(`Revoked ${id}.`);
		break;
	}
	case 'match': {
		const { values } = parseArgs({
			args: rest,
			options: {
				member: { type: 'string' },
				opportunity: { type: 'string' },
				language: { type: 'string', default: 'en' },
				limit: { type: 'string', default: '20' },
				json: { type: 'boolean', default: false }
			}
		});
		const limit = Number(values.limit);
		if (
			!!values.member === !!values.opportunity ||
			!['en', 'fr', 'es', 'ar'].includes(values.language) ||
			!Number.isInteger(limit) ||
			limit < 1 ||
			limit > 10_000
		) {
			console.error(USAGE);
			process.exit(1);
		}
		const { matchRanking } = await import('../src/lib/server/opportunities/suggest.ts');
		const target = values.member ? { member: values.member } : { opportunity: values.opportunity };
		const ranking = await withApp((s) =>
			matchRanking(s.database.db, target, values.language, limit)
		);
		if (!ranking) {
			console.error(
				`No ${values.member ? 'member' : 'opportunity'} ${values.member ?? values.opportunity}.`
			);
			process.exit(1);
		}
		if (values.json) console.log(JSON.stringify(ranking, null, 2));
		else
			for (const r of ranking) {
				console.log(`${r.score.toFixed(3)}  ${r.id}  ${r.title ?? r.name}`);
				for (const reason of r.reasons) console.log(`       ${reason}`);
			}
		break;
	}
	case 'jobs': {
		if (rest[0] !== 'run' || rest.length > 1) {
			console.error(USAGE);
			process.exit(1);
		}
		const { runJobs } = await import('../src/lib/server/platform/jobs.ts');
		const { JOBS } = await import('../src/lib/server/app/jobs.ts');
		const results = await withApp(async (s) => {
			const done = await runJobs(s, JOBS);
			if (s.classifier) {
				const { runScreening } = await import('../src/lib/server/moderation/screening.ts');
				done['text-screening'] = await runScreening(s.database.db, s.classifier);
			}
			// E-mails and SMS the jobs queued leave now, not at the server's next start.
			await s.queue.drain();
			return done;
		});
		for (const [name, result] of Object.entries(results))
			console.log(`${name}: ${JSON.stringify(result)}`);
		break;
	}
	case 'backup':
	case 'restore': {
		const { positionals } = parseArgs({ args: rest, allowPositionals: true });
		if (positionals.length !== 1) {
			console.error(USAGE);
			process.exit(1);
		}
		const { backup, restore, BackupError } = await import('../src/lib/server/platform/backup.ts');
		try {
			const counts = await withApp((s) =>
				(command === 'backup' ? backup : restore)(
					{ db: s.database.db, storage: s.storage },
					positionals[0]
				)
			);
			const rows = Object.values(counts.tables).reduce((a, b) => a + b, 0);
			console.log(
				`${command === 'backup' ? 'Backed up' : 'Restored'} ${rows} rows in ` +
					`${Object.keys(counts.tables).length} tables and ${counts.files} files.`
			);
		} catch (error) {
			if (!(error instanceof BackupError) && error?.code !== 'ENOENT') throw error;
			console.error(error.message);
			process.exit(1);
		}
		break;
	}
	case 'seed': {
		const { values } = parseArgs({
			args: rest,
			options: {
				members: { type: 'string' },
				organisations: { type: 'string' },
				services: { type: 'string' },
				referrals: { type: 'string' },
				messages: { type: 'string' },
				conversations: { type: 'string' },
				communities: { type: 'string' },
				events: { type: 'string' },
				resources: { type: 'string' },
				opportunities: { type: 'string' },
				'mentoring-programmes': { type: 'string' },
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
		const directory = {
			services: number(values.services, 0),
			referrals: number(values.referrals, 0),
			seed: options.seed
		};
		const chat = {
			messages: number(values.messages, 0),
			conversations: number(values.conversations, 0),
			seed: options.seed
		};
		if (chat.messages && !chat.conversations) chat.conversations = Math.ceil(chat.messages / 10);
		const connect = {
			communities: number(values.communities, 0),
			events: number(values.events, 0),
			seed: options.seed
		};
		const { generatePopulation } = await import('../src/lib/server/seed/generate-population.ts');
		const { generateMessages } = await import('../src/lib/server/seed/generate-messages.ts');
		const { generateServices } = await import('../src/lib/server/seed/generate-services.ts');
		const { generateConnect } = await import('../src/lib/server/seed/generate-connect.ts');
		const { generateLibrary } = await import('../src/lib/server/seed/generate-library.ts');
		const resources = number(values.resources, 0);
		const contribute = {
			opportunities: number(values.opportunities, 0),
			mentoringProgrammes: number(values['mentoring-programmes'], 0),
			seed: options.seed
		};
		const { generateContribute } = await import('../src/lib/server/seed/generate-contribute.ts');
		const started = Date.now();
		await withApp(async (s) => {
			await generatePopulation(s.database.db, options, (line) => console.log(line));
			if (directory.services)
				await generateServices(
					s.database.db,
					{ ...directory, dueDays: s.config.referralDueDays },
					(line) => console.log(line)
				);
			if (chat.messages) await generateMessages(s.database.db, chat, (line) => console.log(line));
			if (connect.communities || connect.events)
				await generateConnect(s.database.db, connect, (line) => console.log(line));
			if (resources)
				await generateLibrary(s.database.db, { resources, seed: options.seed }, (line) =>
					console.log(line)
				);
			if (contribute.opportunities || contribute.mentoringProgrammes)
				await generateContribute(s.database.db, contribute, (line) => console.log(line));
		});
		console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
		break;
	}
	case 'demo': {
		if (rest[0] !== 'remove' || rest.length > 1) {
			console.error(USAGE);
			process.exit(1);
		}
		const { removeDemoContent } = await import('../src/lib/server/admin/demo-content.ts');
		const result = await withApp((s) => removeDemoContent(s.database.db, 'command-line'));
		const c = result.value;
		console.log(
			`Removed the example content: ${c.members} members, ${c.organisations} organisations, ` +
				`${c.services} services and ${c.referrals} referrals.`
		);
		break;
	}
	default:
		console.log(USAGE);
		process.exit(command && command !== 'help' ? 1 : 0);
}
