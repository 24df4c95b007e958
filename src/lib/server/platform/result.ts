/**
 * What an operation answers: a value, or an expected failure that the page or API turns into a
 * message in the person's language. `errors` maps a field (or `form`) to a message key.
 */
export type FailureKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited';

export type Failure = { ok: false; kind: FailureKind; errors?: Record<string, string> };
export type Result<T = undefined> = { ok: true; value: T } | Failure;

export function ok(): { ok: true; value: undefined };
export function ok<T>(value: T): { ok: true; value: T };
export function ok<T>(value?: T) {
	return { ok: true as const, value };
}

export function failure(kind: FailureKind, errors?: Record<string, string>): Failure {
	return errors ? { ok: false, kind, errors } : { ok: false, kind };
}
