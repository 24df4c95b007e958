import { error } from '@sveltejs/kit';
import { parseId, type IdKind } from './ids.ts';

/**
 * A path parameter for a page or endpoint: a malformed one answers 404, as a well-formed id that
 * matches nothing does (so nothing is learnt from the difference).
 */
export function idParam(kind: IdKind, value: string): string {
	const id = parseId(kind, value);
	if (id === null) error(404, 'Not found');
	return id;
}
