import { isTimeZone } from '#lib/services/service-form.ts';
import { z } from 'zod';
import path from 'node:path';
import { parseTrustProxy } from './client-address.ts';

const booleanString = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((v) => v === 'true' || v === '1' || v === 'yes');

const oidcProvider = z.object({
	id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'id must be lowercase letters, digits or dashes'),
	name: z.string().min(1).max(60),
	issuer: z.url(),
	clientId: z.string().min(1),
	clientSecret: z.string().min(1),
	scopes: z.array(z.string()).optional()
});
export type OidcProvider = z.infer<typeof oidcProvider>;

const oidcProviders = z
	.string()
	.transform((raw, ctx) => {
		try {
			return JSON.parse(raw) as unknown;
		} catch {
			ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
			return z.NEVER;
		}
	})
	.pipe(z.array(oidcProvider));

const trustProxy = z.string().transform((raw, ctx) => {
	const parsed = parseTrustProxy(raw);
	if (typeof parsed === 'string') {
		ctx.addIssue({ code: 'custom', message: parsed });
		return z.NEVER;
	}
	return parsed;
});

const schema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	ORIGIN: z.url().optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Passerelle <no-reply@localhost>'),
	SMS_WEBHOOK_URL: z.url().optional(),
	SMS_INBOUND_SECRET: z
		.string()
		.regex(/^\S+$/, 'must not contain spaces')
		.min(16, 'must be at least 16 characters')
		.optional(),
	OIDC_PROVIDERS: oidcProviders.optional(),
	SEED_DEMO: booleanString.optional(),
	SEED_REFERENCE_DATA: booleanString.default(true),
	AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(4096).default(16),
	RATE_LIMIT: booleanString.default(true),
	SERVICE_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
	REFERRAL_DUE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
	/** Stories of accounts younger than this many days wait for a moderator (0: none wait). */
	STORY_REVIEW_DAYS: z.coerce.number().int().min(0).max(3650).default(14),
	/** A local text classifier (a directory with model.onnx, tokenizer.json, config.json). */
	TEXT_CLASSIFIER_DIR: z.string().min(1).optional(),
	/** The score from which a flagging label puts text before moderators. */
	TEXT_CLASSIFIER_THRESHOLD: z.coerce.number().gt(0).lt(1).default(0.8),
	/** The model's labels that flag, comma-separated; by default the ones that name harm. */
	TEXT_CLASSIFIER_LABELS: z
		.string()
		.transform((v) =>
			v
				.split(',')
				.map((l) => l.trim())
				.filter(Boolean)
		)
		.optional(),
	SERVICE_TIME_ZONE: z
		.string()
		.refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
		.default('UTC'),
	JOBS: booleanString.default(true),
	PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
	TRUST_PROXY: trustProxy.default({ kind: 'none' }),
	METRICS_TOKEN: z
		.string()
		.regex(/^\S+$/, 'must not contain spaces')
		.min(16, 'must be at least 16 characters')
		.optional(),
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
	MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(32),
	MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(256),
	QUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
	/** S3-compatible object storage for files; unset: DATA_DIR/files. */
	S3_URL: z.url({ protocol: /^https?$/ }).optional(),
	S3_BUCKET: z
		.string()
		.regex(
			/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
			'must be a bucket name (3–63 lowercase letters, digits, dots, dashes)'
		)
		.optional(),
	S3_ACCESS_KEY_ID: z.string().min(1).optional(),
	S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
	S3_REGION: z.string().min(1).default('us-east-1'),
	S3_FORCE_PATH_STYLE: booleanString.optional()
});

export type Config = ReturnType<typeof parseConfig>;

export class ConfigError extends Error {}

/** Parses the environment once; an invalid value stops start-up with one line naming the variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env) {
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		const issue = result.error.issues[0];
		const name = String(issue.path[0] ?? 'environment');
		throw new ConfigError(`Invalid configuration: ${name} ${issue.message}`);
	}
	const c = result.data;
	const embedded = !c.DATABASE_URL;
	if (c.S3_URL)
		for (const name of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
			if (!c[name]) throw new ConfigError(`Invalid configuration: ${name} is needed with S3_URL`);
	return {
		port: c.PORT,
		host: c.HOST,
		origin: (c.ORIGIN ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
		dataDir: path.resolve(c.DATA_DIR),
		databaseUrl: c.DATABASE_URL,
		embedded,
		smtpUrl: c.SMTP_URL,
		mailFrom: c.MAIL_FROM,
		smsWebhookUrl: c.SMS_WEBHOOK_URL,
		smsInboundSecret: c.SMS_INBOUND_SECRET,
		oidcProviders: c.OIDC_PROVIDERS ?? [],
		seedDemo: c.SEED_DEMO ?? embedded,
		seedReferenceData: c.SEED_REFERENCE_DATA,
		authSecret: c.AUTH_SECRET,
		logLevel: c.LOG_LEVEL,
		pgliteSharedBuffersMb: c.PGLITE_SHARED_BUFFERS_MB,
		rateLimit: c.RATE_LIMIT,
		serviceStaleDays: c.SERVICE_STALE_DAYS,
		referralDueDays: c.REFERRAL_DUE_DAYS,
		serviceTimeZone: c.SERVICE_TIME_ZONE,
		jobs: c.JOBS,
		pageCacheSeconds: c.PAGE_CACHE_SECONDS,
		storyReviewDays: c.STORY_REVIEW_DAYS,
		s3: c.S3_URL
			? {
					url: c.S3_URL,
					bucket: c.S3_BUCKET!,
					accessKeyId: c.S3_ACCESS_KEY_ID!,
					secretAccessKey: c.S3_SECRET_ACCESS_KEY!,
					region: c.S3_REGION,
					// AWS's own hosts take the bucket in the host name; other services in the path.
					pathStyle:
						c.S3_FORCE_PATH_STYLE ?? !/(^|\.)amazonaws\.com$/.test(new URL(c.S3_URL).hostname)
				}
			: null,
		textClassifier: c.TEXT_CLASSIFIER_DIR
			? {
					dir: path.resolve(c.TEXT_CLASSIFIER_DIR),
					threshold: c.TEXT_CLASSIFIER_THRESHOLD,
					labels: c.TEXT_CLASSIFIER_LABELS
				}
			: null,
		trustProxy: c.TRUST_PROXY,
		metricsToken: c.METRICS_TOKEN,
		databasePoolSize: c.DATABASE_POOL_SIZE,
		admission: {
			concurrency: c.MAX_CONCURRENT_REQUESTS,
			queue: c.MAX_QUEUED_REQUESTS,
			timeoutMs: c.QUEUE_TIMEOUT_MS
		}
	};
}

let cached: Config | undefined;
export function config(): Config {
	cached ??= parseConfig();
	return cached;
}
