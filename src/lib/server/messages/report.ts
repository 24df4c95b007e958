import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { fileReport, type Subject } from '../moderation/report.ts';
import { failure, type Result } from '../platform/result.ts';
import { conversationAccess } from './access.ts';
import { message, messageAttachment } from './schema.ts';

/**
 * A message as moderators read it: its words, and the attached file named (moderators never open
 * the conversation; what a member reported is all they see of it).
 */
export function messageSubject(
	id: number,
	authorId: string | null,
	body: string,
	file: { kind: string; name: string } | null
): Subject {
	const excerpt = [body, file ? `[${file.kind}: ${file.name}]` : ''].filter(Boolean).join('\n');
	return { kind: 'message', id: String(id), authorId, excerpt, path: null };
}

/** A member reports a message of a conversation they are in (one they still see). */
export async function reportMessage(
	db: Db,
	actor: Actor,
	conversationId: string,
	messageId: number,
	raw: unknown
): Promise<Result<{ caseId: string }>> {
	const access = await conversationAccess(db, actor, conversationId, 'read');
	if (!access || !actor) return failure('not_found');
	const [row] = await db
		.select({
			authorId: message.authorId,
			body: message.body,
			file: { kind: messageAttachment.kind, name: messageAttachment.name }
		})
		.from(message)
		.leftJoin(messageAttachment, eq(messageAttachment.messageId, message.id))
		.where(
			and(
				eq(message.id, messageId),
				eq(message.conversationId, conversationId),
				gt(message.id, access.me.clearedId)
			)
		);
	if (!row) return failure('not_found');
	const file = row.file?.kind ? (row.file as { kind: string; name: string }) : null;
	return fileReport(db, actor, messageSubject(messageId, row.authorId, row.body, file), raw);
}
