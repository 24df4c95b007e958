import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';

/** Who may start a conversation with a member. */
export const MESSAGE_AUDIENCES = ['members', 'shared', 'nobody'] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];
/** Signed-in members may write to a member who never chose (decision 0021). */
export const DEFAULT_AUDIENCE: MessageAudience = 'members';

/** People in a group conversation besides its author. */
export const MAX_GROUP = 50;
export const MAX_MESSAGE = 5000;

const text = (min: number) =>
	userText(min, MAX_MESSAGE, 'error_message_empty', 'error_message_too_long');
const body = text(1);

/** A reply: words, a file, or both (post.ts checks that one of them is there). */
export const messageForm = z.object({ body: text(0) });

export const startForm = z.object({
	to: z
		.array(z.string().min(1).max(64))
		.min(1, 'error_message_recipients')
		.max(MAX_GROUP, 'error_message_too_many'),
	title: z.string().trim().max(120, 'error_message_title').default(''),
	body
});

export const audienceForm = z.object({
	allow: z.enum(MESSAGE_AUDIENCES, { error: 'error_generic' })
});
