import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { heldIds } from '../moderation/holds.ts';
import { communityAccess } from './access.ts';
import { threadPath } from './posts.ts';
import { communityThread } from './schema.ts';

const FEED_ITEMS = 30;

const escape = (s: string) =>
	s.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);

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
	const updated = (items[0]?.lastReplyAt ?? c.createdAt).toISOString();
	const entries = items
		.map((t) => {
			const url = `${base}${threadPath(c.slug, t.id)}`;
			return `  <entry>
    <id>${escape(url)}</id>
    <title>${escape(t.title)}</title>
    <link rel="alternate" type="text/html" href="${escape(url)}"/>
    <published>${t.createdAt.toISOString()}</published>
    <updated>${t.lastReplyAt.toISOString()}</updated>
    <author><name>${escape(t.author ?? '—')}</name></author>
    <content type="html">${escape(renderMarkdown(t.body))}</content>
  </entry>`;
		})
		.join('\n');
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escape(c.language)}">
  <id>${escape(home)}</id>
  <title>${escape(c.name)}</title>
  <link rel="alternate" type="text/html" href="${escape(home)}"/>
  <link rel="self" type="application/atom+xml" href="${escape(`${home}/feed.atom`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}
