import { and, asc, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { searchKey } from '../search/normalise.ts';
import { prefixQuery } from '../search/text-match.ts';
import { heldIds } from '../moderation/holds.ts';
import { isPlatformModerator } from '../moderation/policy.ts';
import { communityAccess } from './access.ts';
import { community, communityMember, communityReply, communityThread } from './schema.ts';

export const COMMUNITIES_PAGE = 20;
export const THREADS_PAGE = 25;
export const REPLIES_PAGE = 50;

/**
 * The communities a person may see, most active first: public and members-only ones for everyone,
 * and the invite-only ones they belong to. Words search names and descriptions (any script).
 */
export async function listCommunities(
	db: Db,
	actor: Actor,
	query: { q?: string; theme?: string; country?: string; page?: number } = {}
) {
	const page = Math.max(1, query.page ?? 1);
	const key = searchKey(query.q ?? '').slice(0, 100);
	const visible: SQL = actor
		? or(
				inArray(community.visibility, ['public', 'members']),
				sql`${community.id} in (select community_id from community_member where user_id = ${actor.id})`
			)!
		: inArray(community.visibility, ['public', 'members']);
	const rows = await db
		.select({
			slug: community.slug,
			name: community.name,
			description: sql<string>`left(${community.description}, 300)`,
			theme: community.theme,
			country: community.country,
			language: community.language,
			visibility: community.visibility,
			memberCount: community.memberCount,
			lastActivityAt: community.lastActivityAt,
			demo: community.demo
		})
		.from(community)
		.where(
			and(
				visible,
				key ? sql`${community.search} @@ to_tsquery('simple', ${prefixQuery(key)})` : undefined,
				query.theme ? eq(community.theme, query.theme) : undefined,
				query.country ? eq(community.country, query.country) : undefined
			)
		)
		.orderBy(desc(community.lastActivityAt), asc(community.id))
		.limit(COMMUNITIES_PAGE + 1)
		.offset((page - 1) * COMMUNITIES_PAGE);
	return { items: rows.slice(0, COMMUNITIES_PAGE), hasNext: rows.length > COMMUNITIES_PAGE, page };
}

/**
 * A community's page for the actor: what it is, what they are to it, and (when they may read it)
 * its threads, pinned first then by last activity, or those matching the words searched. Threads
 * moderators hid are left out, except for their author.
 */
export async function communityPage(
	db: Db,
	actor: Actor,
	slug: string,
	opts: { q?: string; page?: number; inviteToken?: string } = {}
) {
	const access = await communityAccess(db, actor, slug, 'see', { inviteToken: opts.inviteToken });
	if (!access) return null;
	const c = access.community;
	const page = Math.max(1, opts.page ?? 1);
	const key = searchKey(opts.q ?? '').slice(0, 100);
	let threads: {
		id: string;
		title: string;
		author: string | null;
		pinned: boolean;
		replyCount: number;
		lastReplyAt: Date;
	}[] = [];
	let hasNext = false;
	if (access.may('read')) {
		const rows = await db
			.select({
				id: communityThread.id,
				title: communityThread.title,
				authorId: communityThread.authorId,
				author: user.name,
				pinned: communityThread.pinned,
				replyCount: communityThread.replyCount,
				lastReplyAt: communityThread.lastReplyAt
			})
			.from(communityThread)
			.leftJoin(user, eq(user.id, communityThread.authorId))
			.where(
				and(
					eq(communityThread.communityId, c.id),
					key
						? sql`${communityThread.search} @@ to_tsquery('simple', ${prefixQuery(key)})`
						: undefined
				)
			)
			.orderBy(
				...(key ? [] : [desc(communityThread.pinned)]),
				desc(communityThread.lastReplyAt),
				desc(communityThread.id)
			)
			.limit(THREADS_PAGE + 1)
			.offset((page - 1) * THREADS_PAGE);
		hasNext = rows.length > THREADS_PAGE;
		const shown = rows.slice(0, THREADS_PAGE);
		const held = await heldIds(
			db,
			'thread',
			shown.map((r) => r.id)
		);
		threads = shown
			.filter((r) => !held.has(r.id) || r.authorId === actor?.id)
			.map((r) => ({
				id: r.id,
				title: r.title,
				author: r.author,
				pinned: r.pinned,
				replyCount: r.replyCount,
				lastReplyAt: r.lastReplyAt
			}));
	}
	return {
		community: {
			id: c.id,
			slug: c.slug,
			name: c.name,
			descriptionHtml: c.description ? renderMarkdown(c.description) : '',
			description: c.description,
			theme: c.theme,
			country: c.country,
			language: c.language,
			visibility: c.visibility,
			memberCount: c.memberCount,
			demo: c.demo
		},
		role: access.tie.role,
		invited: access.tie.invited,
		canRead: access.may('read'),
		canJoin: access.may('join'),
		canModerate: access.may('moderate'),
		threads,
		hasNext,
		page,
		q: key
	};
}

/**
 * One thread and a page of its replies, oldest first. A thread moderators hid is shown only to its
 * author (with the notice) and to moderators; hidden replies read as such.
 */
export async function readThread(
	db: Db,
	actor: Actor,
	slug: string,
	threadId: string,
	opts: { after?: number } = {}
) {
	const access = await communityAccess(db, actor, slug, 'read');
	if (!access) return null;
	const [thread] = await db
		.select({ t: communityThread, author: user.name })
		.from(communityThread)
		.leftJoin(user, eq(user.id, communityThread.authorId))
		.where(
			and(eq(communityThread.id, threadId), eq(communityThread.communityId, access.community.id))
		);
	if (!thread) return null;
	const moderator = access.may('moderate') || isPlatformModerator(actor);
	const threadHeld = (await heldIds(db, 'thread', [threadId])).has(threadId);
	if (threadHeld && !moderator && thread.t.authorId !== actor?.id) return null;
	const rows = await db
		.select({
			id: communityReply.id,
			authorId: communityReply.authorId,
			author: user.name,
			body: communityReply.body,
			createdAt: communityReply.createdAt
		})
		.from(communityReply)
		.leftJoin(user, eq(user.id, communityReply.authorId))
		.where(
			and(
				eq(communityReply.threadId, threadId),
				opts.after ? gt(communityReply.id, opts.after) : undefined
			)
		)
		.orderBy(asc(communityReply.id))
		.limit(REPLIES_PAGE + 1);
	const shown = rows.slice(0, REPLIES_PAGE);
	const held = await heldIds(
		db,
		'reply',
		shown.map((r) => String(r.id))
	);
	const t = thread.t;
	return {
		community: {
			slug: access.community.slug,
			name: access.community.name,
			id: access.community.id
		},
		thread: {
			id: t.id,
			title: t.title,
			html: t.body ? renderMarkdown(t.body) : '',
			author: thread.author,
			mine: !!actor && t.authorId === actor.id,
			pinned: t.pinned,
			createdAt: t.createdAt,
			replyCount: t.replyCount,
			hidden: threadHeld
		},
		replies: shown.map((r) => ({
			id: r.id,
			author: r.author,
			mine: !!actor && r.authorId === actor.id,
			hidden: held.has(String(r.id)),
			html: held.has(String(r.id)) ? '' : renderMarkdown(r.body),
			createdAt: r.createdAt
		})),
		newer: rows.length > REPLIES_PAGE ? shown[shown.length - 1].id : null,
		canPost: access.may('post'),
		canModerate: access.may('moderate'),
		role: access.tie.role
	};
}

/** A community's members for its moderators, moderators first. */
export async function communityMembers(db: Db, actor: Actor, slug: string, page = 1) {
	const access = await communityAccess(db, actor, slug, 'moderate');
	if (!access) return null;
	const rows = await db
		.select({
			id: user.id,
			name: user.name,
			role: communityMember.role,
			joinedAt: communityMember.joinedAt
		})
		.from(communityMember)
		.innerJoin(user, eq(user.id, communityMember.userId))
		.where(eq(communityMember.communityId, access.community.id))
		.orderBy(desc(communityMember.role), asc(user.name), asc(user.id))
		.limit(101)
		.offset((page - 1) * 100);
	return {
		community: access.community,
		members: rows.slice(0, 100),
		hasNext: rows.length > 100,
		page
	};
}
