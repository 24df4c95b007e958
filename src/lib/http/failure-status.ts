import type { FailureKind } from '#lib/server/platform/result.ts';

/** The HTTP status an operation's failure is answered with, by pages and the API alike. */
export const FAILURE_STATUS: Record<FailureKind, 400 | 403 | 404 | 409 | 429> = {
	invalid: 400,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	rate_limited: 429
};
