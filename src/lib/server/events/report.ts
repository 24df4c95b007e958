import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { fileReport } from '../moderation/report.ts';
import { failure, type Result } from '../platform/result.ts';
import { eventAccess } from './access.ts';

/** A person reports an event they can see (its title and description as they read now). */
export async function reportEvent(
	db: Db,
	actor: Actor,
	id: string,
	raw: unknown
): Promise<Result<{ caseId: string }>> {
	const access = await eventAccess(db, actor, id, 'see');
	if (!access || !actor) return failure('not_found');
	const e = access.event;
	return fileReport(
		db,
		actor,
		{
			kind: 'event',
			id,
			authorId: e.createdBy,
			excerpt: `${e.title}\n${e.description}`,
			path: `/events/${id}`,
			scope: e.communityId
		},
		raw
	);
}
