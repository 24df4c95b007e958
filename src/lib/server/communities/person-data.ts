import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { community, communityMember, communityReply, communityThread } from './schema.ts';

/** For a person's download: the communities they belong to, and the threads and replies they wrote. */
export async function communitiesOfPerson(db: Db, userId: string) {
	const [memberships, threads, replies] = await Promise.all([
		db
			.select({
				community: community.name,
				role: communityMember.role,
				joinedAt: communityMember.joinedAt
			})
			.from(communityMember)
			.innerJoin(community, eq(community.id, communityMember.communityId))
			.where(eq(communityMember.userId, userId)),
		db
			.select({
				title: communityThread.title,
				body: communityThread.body,
				at: communityThread.createdAt
			})
			.from(communityThread)
			.where(eq(communityThread.authorId, userId)),
		db
			.select({
				thread: communityReply.threadId,
				body: communityReply.body,
				at: communityReply.createdAt
			})
			.from(communityReply)
			.where(eq(communityReply.authorId, userId))
	]);
	return { memberships, threads, replies };
}

/**
 * Erasure: the person's replies are deleted, and so are their threads nobody answered; a thread
 * others answered keeps its place for their replies, with its title and text removed.
 */
export async function eraseCommunitiesOf(tx: Tx, userId: string) {
	await tx.delete(communityReply).where(eq(communityReply.authorId, userId));
	// Their threads' reply counts follow, in one statement.
	await tx.execute(sql`
		update community_thread t set reply_count = (select count(*)::int from community_reply r where r.thread_id = t.id)
		where t.author_id = ${userId}`);
	await tx
		.delete(communityThread)
		.where(and(eq(communityThread.authorId, userId), eq(communityThread.replyCount, 0)));
	await tx
		.update(communityThread)
		.set({ title: '', body: '', search: null })
		.where(eq(communityThread.authorId, userId));
	// Member counts follow the memberships the account row takes with it.
	await tx.execute(sql`
		update community set member_count = member_count - 1
		where id in (select community_id from community_member where user_id = ${userId})`);
}
