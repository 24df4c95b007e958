import {
	bigserial,
	boolean,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import type { CommunityVisibility } from '#lib/communities/forms.ts';
import { user } from '../accounts/schema.ts';
import { tsvector } from '../db/types.ts';

/**
 * A community: a group by theme or country of origin, public, members-only or invite-only
 * (lib/communities/forms.ts). `invite_token` is the current invitation link's secret (hashed);
 * moderators replace it to stop an old link.
 */
export const community = pgTable(
	'community',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		theme: text('theme').notNull(),
		country: text('country'),
		language: text('language').notNull(),
		visibility: text('visibility').$type<CommunityVisibility>().notNull(),
		inviteTokenHash: text('invite_token_hash'),
		memberCount: integer('member_count').notNull().default(0),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
		nameKey: text('name_key').notNull(),
		search: tsvector('search'),
		demo: boolean('demo').notNull().default(false)
	},
	(t) => [
		index('community_search_idx').using('gin', t.search),
		index('community_listing_idx').on(t.visibility, t.lastActivityAt)
	]
);

/** Who belongs to a community, and as what: its moderators pin, invite and hide what breaks its rules. */
export const communityMember = pgTable(
	'community_member',
	{
		communityId: text('community_id')
			.notNull()
			.references(() => community.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role').$type<'member' | 'moderator'>().notNull().default('member'),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.communityId, t.userId] }),
		index('community_member_user_idx').on(t.userId)
	]
);

/**
 * A discussion thread. `last_reply_at` orders the community's list (pinned first); `search` holds
 * the normalised words of its title, its text and its replies, for the search in a community.
 */
export const communityThread = pgTable(
	'community_thread',
	{
		id: text('id').primaryKey(),
		communityId: text('community_id')
			.notNull()
			.references(() => community.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		body: text('body').notNull(),
		pinned: boolean('pinned').notNull().default(false),
		replyCount: integer('reply_count').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastReplyAt: timestamp('last_reply_at', { withTimezone: true }).notNull().defaultNow(),
		search: tsvector('search')
	},
	(t) => [
		index('community_thread_list_idx').on(t.communityId, t.pinned, t.lastReplyAt),
		index('community_thread_search_idx').using('gin', t.search),
		index('community_thread_author_idx').on(t.authorId)
	]
);

export const communityReply = pgTable(
	'community_reply',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		threadId: text('thread_id')
			.notNull()
			.references(() => communityThread.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('community_reply_thread_idx').on(t.threadId, t.id),
		index('community_reply_author_idx').on(t.authorId)
	]
);
