import { PENDING_NAME } from './auth.ts';

/** A phone account made by its first code has no name yet: the person gives it next. */
export function needsName(user: { name: string } | null | undefined) {
	return !!user && user.name === PENDING_NAME;
}
