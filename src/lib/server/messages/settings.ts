import { eq } from 'drizzle-orm';
import { audienceForm, DEFAULT_AUDIENCE, type MessageAudience } from '#lib/messages/forms.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { messagingSetting } from './schema.ts';

export async function messageAudience(db: Db, userId: string): Promise<MessageAudience> {
	const [row] = await db
		.select({ allow: messagingSetting.allow })
		.from(messagingSetting)
		.where(eq(messagingSetting.userId, userId));
	return (row?.allow as MessageAudience | undefined) ?? DEFAULT_AUDIENCE;
}

/** The member's choice of who may start a conversation with them. */
export async function setMessageAudience(db: Db, actor: Actor, raw: unknown): Promise<Result> {
	if (!actor) return failure('forbidden');
	const parsed = audienceForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', { allow: 'error_generic' });
	await db
		.insert(messagingSetting)
		.values({ userId: actor.id, allow: parsed.data.allow })
		.onConflictDoUpdate({
			target: messagingSetting.userId,
			set: { allow: parsed.data.allow, updatedAt: new Date() }
		});
	return ok();
}
