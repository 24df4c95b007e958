import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { fileReport } from '../moderation/report.ts';
import { failure, type Result } from '../platform/result.ts';
import { opportunitySubject } from './post.ts';
import { opportunityAccess } from './read.ts';

/** A member reports a published opportunity someone else posted: it goes to the moderators. */
export async function reportOpportunity(
	db: Db,
	actor: Actor,
	id: string,
	raw: unknown
): Promise<Result<{ caseId: string }>> {
	const access = await opportunityAccess(db, actor, id);
	if (!access || !access.may('report')) return failure('not_found');
	const o = access.opportunity;
	return fileReport(db, actor, opportunitySubject(o.id, o.posterId, o.title, o.description), raw);
}
