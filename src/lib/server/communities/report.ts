import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { fileReport } from '../moderation/report.ts';
import { failure, type Result } from '../platform/result.ts';
import { communityAccess } from './access.ts';
import { postSubject, threadPath } from './posts.ts';
import { communityReply, communityThread } from './schema.ts';

/** A reader reports a thread (its title and first post) or one reply of a community they can read. */
export async function reportPost(
	db: Db,
	actor: Actor,
	slug: string,
	threadId: string,
	replyId: number | null,
	raw: unknown
): Promise<Result<{ caseId: string }>> {
	if (!actor) return failure('forbidden');
	const access = await communityAccess(db, actor, slug, 'read');
	if (!access) return failure('not_found');
	const [thread] = await db
		.select()
		.from(communityThread)
		.where(
			and(eq(communityThread.id, threadId), eq(communityThread.communityId, access.community.id))
		);
	if (!thread) return failure('not_found');
	const path = threadPath(slug, threadId);
	if (replyId === null)
		return fileReport(
			db,
			actor,
			postSubject(
				'thread',
				threadId,
				thread.authorId,
				`${thread.title}\n${thread.body}`,
				access.community.id,
				path
			),
			raw
		);
	const [reply] = await db
		.select()
		.from(communityReply)
		.where(and(eq(communityReply.id, replyId), eq(communityReply.threadId, threadId)));
	if (!reply) return failure('not_found');
	return fileReport(
		db,
		actor,
		postSubject(
			'reply',
			String(replyId),
			reply.authorId,
			reply.body,
			access.community.id,
			`${path}#r${replyId}`
		),
		raw
	);
}
