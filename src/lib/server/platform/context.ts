import type { Database } from '../db/client.ts';
import type { Config } from './config.ts';
import type { Mailer } from './mail.ts';
import type { Queue } from './queue.ts';
import type { SmsSender } from './sms.ts';
import type { Storage } from './storage.ts';

/**
 * What a module's operations and jobs may use from the running platform. The composition root
 * (app/context.ts) builds it, with every module wired in; modules never import app/.
 */
export type PlatformContext = {
	config: Config;
	database: Database;
	mailer: Mailer;
	sms: SmsSender;
	storage: Storage;
	queue: Queue;
};
