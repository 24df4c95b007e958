import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { heldIds } from '../moderation/holds.ts';
import { communityAccess } from './access.ts';
import { threadPath } from './posts.ts';
import { communityThread } from './schema.ts';
import { atomFeed } from '../platform/atom.ts';

const FEED_ITEMS = 30;

/**
 * The Atom feed (RFC 4287) of a public community: its newest threads with their first post, for
 * feed readers. Other communities have none (null: the route answers 404).
 */
export async function communityFeed(db: Db, slug: string, origin: string, locale: string) {
	const access = await communityAccess(db, null, slug, 'feed');
	if (!access) return null;
	const c = access.community;
	const rows = await db
		.select({
			id: communityThread.id,
			title: communityThread.title,
			body: communityThread.body,
			author: user.name,
			createdAt: communityThread.createdAt,
			lastReplyAt: communityThread.lastReplyAt
		})
		.from(communityThread)
		.leftJoin(user, eq(user.id, communityThread.authorId))
		.where(eq(communityThread.communityId, c.id))
		.orderBy(desc(communityThread.createdAt))
		.limit(FEED_ITEMS);
	const held = await heldIds(
		db,
		'thread',
		rows.map((r) => r.id)
	);
	const items = rows.filter((r) => !held.has(r.id));
	const base = `${origin}/${locale}`;
	const home = `${base}/communities/${c.slug}`;
	return atomFeed({
		home,
		self: `${home}/feed.atom`,
		title: c.name,
		language: c.language,
		updated: items[0]?.lastReplyAt ?? c.createdAt,
		entries: items.map((t) => ({
			url: `${base}${threadPath(c.slug, t.id)}`,
			title: t.title,
			published: t.createdAt,
			updated: t.lastReplyAt,
			author: t.author,
			html: renderMarkdown(t.body)
		}))
	});
}
