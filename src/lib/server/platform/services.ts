import path from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { createAuth, type Auth } from '../accounts/auth.ts';
import { seedDemo } from '../members/seed-demo.ts';
import { refreshProfileSearch } from '../members/save-profile.ts';
import { seedEsco } from '../esco/seed-esco.ts';
import { seedMigrantStock } from '../countries/seed-migrant-stock.ts';
import { seedTaxonomy } from '../services/seed-taxonomy.ts';
import { getBranding } from '../admin/branding.ts';
import type { Config } from './config.ts';
import { createMailer, type Mailer } from './mail.ts';
import { createSmsSender, type SmsSender } from './sms.ts';
import { ensureAuthSecret } from './secret.ts';
import { localStorage, type Storage } from './storage.ts';
import { logger } from './logger.ts';

export type Services = {
	config: Config;
	database: Database;
	auth: Auth;
	mailer: Mailer;
	sms: SmsSender;
	storage: Storage;
};

/** Opens the database, applies migrations, seeds demo content once, and wires the platform. */
export async function createServices(
	config: Config,
	opts: { getRequestEvent?: () => RequestEvent | undefined; pgliteDir?: string } = {}
): Promise<Services> {
	const started = Date.now();
	const database = await openDatabase({
		url: config.databaseUrl,
		pgliteDir: opts.pgliteDir ?? path.join(config.dataDir, 'db'),
		sharedBuffersMb: config.pgliteSharedBuffersMb
	});
	await migrate(database, config.databaseUrl);
	const { db } = database;
	const mailer = createMailer(db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
	const sms = createSmsSender(db, { webhookUrl: config.smsWebhookUrl });
	const storage = localStorage(path.join(config.dataDir, 'files'));
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
	// Reference data (ESCO, UN DESA) is loaded once per database, in production too.
	if (config.seedReferenceData) {
		const esco = await seedEsco(db);
		if (!esco.ok) logger.error({ reason: esco.reason, file: esco.file }, esco.message);
		else if (esco.seeded)
			logger.info({ occupations: esco.occupations, skills: esco.skills }, 'ESCO sample loaded');
		const corridors = await seedMigrantStock(db);
		if (corridors) logger.info({ rows: corridors }, 'UN DESA migrant stock loaded');
	}
	await seedTaxonomy(db);
	if (config.seedDemo) await seedDemo(db);
	await getBranding(db);
	logger.info({ database: database.kind, ms: Date.now() - started }, 'platform ready');
	return { config, database, auth, mailer, sms, storage };
}
