import {
	bigserial,
	boolean,
	index,
	bigint,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { user } from '../accounts/schema.ts';

/**
 * A private conversation: two members (`direct`, one per pair: `direct_key` is their two ids in
 * order) or a group of up to 50 with a title. `last_message_at` orders the inbox.
 */
export const conversation = pgTable('conversation', {
	id: text('id').primaryKey(),
	kind: text('kind').$type<'direct' | 'group'>().notNull(),
	title: text('title'),
	directKey: text('direct_key').unique(),
	createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Who is in a conversation, and what each has done with it: read up to `last_read_id`, muted
 * (no notice, no count in the header), left (no new messages reach them), or deleted their copy
 * (`cleared_id`: messages up to it are no longer shown to them; the others keep theirs).
 */
export const conversationMember = pgTable(
	'conversation_member',
	{
		conversationId: text('conversation_id')
			.notNull()
			.references(() => conversation.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
		lastReadId: bigint('last_read_id', { mode: 'number' }).notNull().default(0),
		clearedId: bigint('cleared_id', { mode: 'number' }).notNull().default(0),
		muted: boolean('muted').notNull().default(false),
		leftAt: timestamp('left_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.conversationId, t.userId] }),
		index('conversation_member_user_idx').on(t.userId)
	]
);

/**
 * One message: Markdown text as written (rendered and sanitised when shown). An erased author's
 * messages stay for the others, unsigned (`author_id` set null).
 */
export const message = pgTable(
	'message',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		conversationId: text('conversation_id')
			.notNull()
			.references(() => conversation.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('message_conversation_idx').on(t.conversationId, t.id)]
);

/** Who may start a conversation with a member (MESSAGE_AUDIENCES); no row is the default. */
export const messagingSetting = pgTable('messaging_setting', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	allow: text('allow').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * A file sent with a message: an image (decoded and written again as WebP, without its metadata)
 * or a PDF (checked by its first bytes, served as a download). One per message.
 */
export const messageAttachment = pgTable('message_attachment', {
	messageId: bigint('message_id', { mode: 'number' })
		.primaryKey()
		.references(() => message.id, { onDelete: 'cascade' }),
	kind: text('kind').$type<'image' | 'pdf'>().notNull(),
	/** The name shown for a PDF (letters, digits and a few signs kept from the sender's). */
	name: text('name').notNull(),
	bytes: integer('bytes').notNull(),
	width: integer('width'),
	height: integer('height'),
	storageKey: text('storage_key').notNull()
});
