import pino from 'pino';
import { config } from './config.ts';

/**
 * JSON logs. Personal data (e-mails, phone numbers, names, tokens) is never logged: the
 * redaction list is a safety net, callers log identifiers only.
 */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { service: 'passerelle' },
	redact: {
		paths: [
			'email',
			'phone',
			'phoneNumber',
			'name',
			'password',
			'token',
			'code',
			'*.email',
			'*.phone'
		],
		censor: '[redacted]'
	}
});

export function childLogger(module: string) {
	return logger.child({ module, embedded: config().embedded });
}
