import { error, fail } from '@sveltejs/kit';
import type { Failure } from '#lib/server/platform/result.ts';
import { FAILURE_STATUS } from './failure-status.ts';

/**
 * An operation's failure as a form action answers it, the one mapping every page uses. A failure
 * that carries messages (`errors` maps a field or `form` to a message key) shows the form again
 * with its values and those messages, with the failure's status. One without is an error page:
 * 403 for what the person may not do, 404 for what does not exist (or is not theirs to know of).
 */
export function failForm<V = undefined, E extends object = object>(
	result: Failure,
	values?: V,
	extra?: E
) {
	if (!result.errors && result.kind === 'forbidden') error(403, 'Forbidden');
	if (!result.errors && result.kind === 'not_found') error(404, 'Not found');
	const errors: Record<string, string> = result.errors ?? { form: 'error_generic' };
	return fail(FAILURE_STATUS[result.kind], { ...(extra as E), values: values as V, errors });
}
