import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { messageForm, MAX_GROUP } from '#lib/messages/forms.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisationAccess } from '../organisations/access.ts';
import { organisationMember } from '../organisations/schema.ts';
import { hiddenFrom } from '../members/blocks.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { insertMessage, type MessageDeps } from './post.ts';
import { conversation, conversationMember } from './schema.ts';

/**
 * A member writes to an organisation: the message goes to its active staff (admins and members,
 * up to 50), in one conversation per person and organisation (titled with its name), found again
 * the next time. Staff are reached as staff: their own choice of who may write to them first is
 * for personal messages; a block between the person and one of them still keeps that one out.
 */
export async function messageOrganisation(
	deps: MessageDeps,
	actor: Actor,
	slug: string,
	raw: unknown
): Promise<Result<{ id: string }>> {
	if (!actor) return failure('forbidden');
	const { db } = deps;
	const org = await organisationAccess(db, actor, { slug });
	if (!org || org.organisation.status !== 'approved') return failure('not_found');
	if (org.may('work')) return failure('invalid', { form: 'error_message_own_organisation' });
	const parsed = messageForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', { body: parsed.error.issues[0].message });
	if (!parsed.data.body) return failure('invalid', { body: 'error_message_empty' });
	const staff = await db
		.select({ userId: organisationMember.userId })
		.from(organisationMember)
		.where(
			and(
				eq(organisationMember.organisationId, org.organisation.id),
				eq(organisationMember.status, 'active'),
				ne(organisationMember.userId, actor.id)
			)
		)
		.limit(MAX_GROUP);
	const hidden = await hiddenFrom(db, actor.id);
	const to = staff.map((s) => s.userId).filter((id) => !hidden.has(id));
	if (!to.length) return failure('forbidden', { form: 'error_message_not_reachable' });
	if (!(await hitRateLimit(db, RULES.conversationsByAccount, actor.id)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const key = `org:${org.organisation.id}|${actor.id}`;
	const id = await db.transaction(async (tx) => {
		await tx
			.insert(conversation)
			.values({
				id: randomUUID(),
				kind: 'group',
				title: org.organisation.name,
				directKey: key,
				createdBy: actor.id
			})
			.onConflictDoNothing();
		const [found] = await tx
			.select({ id: conversation.id })
			.from(conversation)
			.where(eq(conversation.directKey, key));
		// Staff who joined since the last message are added; whoever had left comes back.
		await tx
			.insert(conversationMember)
			.values([actor.id, ...to].map((userId) => ({ conversationId: found.id, userId })))
			.onConflictDoUpdate({
				target: [conversationMember.conversationId, conversationMember.userId],
				set: { leftAt: null }
			});
		await insertMessage(tx, deps, found.id, actor.id, parsed.data.body);
		return found.id;
	});
	return ok({ id });
}
