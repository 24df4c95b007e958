import path from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { createAuth, type Auth } from '../accounts/auth.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import {
	profileSearchOutdated,
	refreshOutdatedProfileSearch,
	refreshProfileSearch
} from '../members/save-profile.ts';
import { seedEsco, seedEscoBroader, seedEscoRelations } from '../esco/seed-esco.ts';
import { seedMigrantStock } from '../countries/seed-migrant-stock.ts';
import { seedGazetteer } from '../places/seed-gazetteer.ts';
import { locateUnplacedLocations } from '../services/store.ts';
import { seedLexicon } from '../moderation/lexicon.ts';
import { seedCourses } from '../seed/demo-courses.ts';
import { loadClassifier, type Classifier } from '../moderation/classifier.ts';
import { runScreening, useClassifierScreening } from '../moderation/screening.ts';
import { seedTaxonomy } from '../services/seed-taxonomy.ts';
import { getBranding } from '../admin/branding.ts';
import type { Config } from '../platform/config.ts';
import type { PlatformContext } from '../platform/context.ts';
import { createMailer, emailDeliveryJob, smtpTransport } from '../platform/mail.ts';
import { createSmsSender, smsDeliveryJob, webhookGateway } from '../platform/sms.ts';
import { createQueue } from '../platform/queue.ts';
import { ensureAuthSecret } from '../platform/secret.ts';
import { localStorage } from '../platform/storage.ts';
import { s3Storage } from '../platform/s3-storage.ts';
import { logger } from '../platform/logger.ts';
import { JOBS } from './jobs.ts';
import { createNotifier, noticeDeliveryJob, type Notifier } from '../notifications/notifier.ts';
import { createLiveHub, type LiveHub } from '../messages/live.ts';

const SCREENING_INTERVAL_MS = 5000;

/** The running platform with every module wired in: what routes and commands use. */
export type AppContext = PlatformContext & {
	auth: Auth;
	notifier: Notifier;
	live: LiveHub;
	/** The operator's text classifier, when TEXT_CLASSIFIER_DIR names one (decision 0027). */
	classifier: Classifier | null;
};

/** What operations that tell people take (organisations/admins.ts NoticeDeps). */
export function noticeDeps(s: Pick<AppContext, 'database' | 'notifier'>) {
	return { db: s.database.db, notifier: s.notifier };
}

/**
 * The composition root: opens the database, applies migrations, seeds reference and demo content
 * once, wires the platform and the modules, and declares every background job.
 */
export async function createAppContext(
	config: Config,
	opts: {
		getRequestEvent?: () => RequestEvent | undefined;
		pgliteDir?: string;
		/** Run queued jobs in this process (the server); tests and commands drain instead. */
		workers?: boolean;
	} = {}
): Promise<AppContext> {
	const started = Date.now();
	// A classifier the operator named must load: a broken one stops the start, with its reason.
	const classifier = config.textClassifier
		? await loadClassifier(config.textClassifier.dir, config.textClassifier)
		: null;
	useClassifierScreening(classifier !== null);
	const database = await openDatabase({
		url: config.databaseUrl,
		pgliteDir: opts.pgliteDir ?? path.join(config.dataDir, 'db'),
		sharedBuffersMb: config.pgliteSharedBuffersMb,
		poolSize: config.databasePoolSize
	});
	await migrate(database, config.databaseUrl);
	const { db } = database;
	const transport = config.smtpUrl
		? smtpTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom })
		: null;
	const gateway = config.smsWebhookUrl ? webhookGateway(config.smsWebhookUrl) : null;
	const queue = await createQueue(database, { workers: opts.workers ?? false });
	await queue.define(emailDeliveryJob(db, transport));
	await queue.define(smsDeliveryJob(db, gateway));
	// Whoever closes the database stops the queue first (it runs on the same connection).
	const closeDatabase = database.close;
	const live = createLiveHub(database);
	database.close = async () => {
		await live.stop().catch((error) => logger.error({ err: error }, 'live hub stop failed'));
		await queue.stop().catch((error) => logger.error({ err: error }, 'job queue stop failed'));
		await classifier?.close().catch(() => {});
		await closeDatabase();
	};
	const mailer = createMailer(db, queue, transport);
	const sms = createSmsSender(db, queue, gateway);
	await queue.define(noticeDeliveryJob({ db, mailer, sms, origin: config.origin }));
	const notifier = createNotifier(queue);
	const storage = config.s3
		? s3Storage(config.s3)
		: localStorage(path.join(config.dataDir, 'files'));
	const secret = await ensureAuthSecret(db, config.authSecret);
	const auth = createAuth({
		db,
		origin: config.origin,
		secret,
		mailer,
		sms,
		oidcProviders: config.oidcProviders,
		getRequestEvent: opts.getRequestEvent,
		rateLimit: config.rateLimit,
		onRenamed: (userId) => refreshProfileSearch(db, userId)
	});
	// Reference data (ESCO, UN DESA, the gazetteer) is loaded once per database, in production too.
	if (config.seedReferenceData) {
		const esco = await seedEsco(db);
		if (!esco.ok) logger.error({ reason: esco.reason, file: esco.file }, esco.message);
		else if (esco.seeded)
			logger.info({ occupations: esco.occupations, skills: esco.skills }, 'ESCO sample loaded');
		const links = await seedEscoBroader(db);
		if (links) logger.info({ links }, 'ESCO hierarchy loaded');
		const relations = await seedEscoRelations(db);
		if (relations) logger.info({ relations }, 'ESCO occupation-skill relations loaded');
		const corridors = await seedMigrantStock(db);
		if (corridors) logger.info({ rows: corridors }, 'UN DESA migrant stock loaded');
		const towns = await seedGazetteer(db);
		if (towns) logger.info({ towns }, 'gazetteer loaded (GeoNames, towns of 1,000 or more)');
		const courses = await seedCourses(db);
		if (courses) logger.info({ courses }, 'the platform’s own courses loaded (en, fr, es, ar)');
		const terms = await seedLexicon(db);
		if (terms) logger.info({ terms }, 'moderation lexicons loaded (en, fr, es, ar)');
		const placed = await locateUnplacedLocations(db);
		if (placed) logger.info({ placed }, 'places without coordinates put at their town');
	}
	await seedTaxonomy(db);
	if (config.seedDemo) await seedDemo(db);
	await getBranding(db);
	const context: AppContext = {
		config,
		database,
		auth,
		mailer,
		sms,
		storage,
		queue,
		notifier,
		live,
		classifier
	};
	for (const job of JOBS)
		await queue.define({
			name: job.name,
			cron: job.cron,
			retryLimit: 2,
			handler: () => job.run(context, new Date())
		});
	// Text saved while a classifier is set is scored within seconds, off the request path, by
	// every instance that runs workers (a row is flagged once: scoring deletes it first).
	if (classifier && opts.workers) {
		let running = false;
		const timer = setInterval(() => {
			if (running) return;
			running = true;
			runScreening(db, classifier)
				.catch((error) => logger.error({ err: error }, 'text screening failed'))
				.finally(() => (running = false));
		}, SCREENING_INTERVAL_MS);
		timer.unref();
		const close = database.close;
		database.close = async () => {
			clearInterval(timer);
			await close();
		};
	}
	// Search columns derived by older rules are derived again, in the background.
	await queue.define({
		name: 'member-search-refresh',
		retryLimit: 2,
		expireInSeconds: 3600,
		handler: async () => {
			const refreshed = await refreshOutdatedProfileSearch(db);
			if (refreshed) logger.info({ refreshed }, 'member search columns derived again');
		}
	});
	if (await profileSearchOutdated(db)) await queue.enqueue('member-search-refresh', {});
	await queue.startWorkers();
	logger.info({ database: database.kind, ms: Date.now() - started }, 'platform ready');
	return context;
}
