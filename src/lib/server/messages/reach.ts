import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { DEFAULT_AUDIENCE, type MessageAudience } from '#lib/messages/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { user } from '../accounts/schema.ts';
import { memberBlock } from '../members/block-schema.ts';
import { organisationMember } from '../organisations/schema.ts';
import { communityMember } from '../communities/schema.ts';
import type { Reach } from './policy.ts';
import { messagingSetting } from './schema.ts';

/** What stands between the actor and each member they want to write to, in four queries. */
export async function reachOf(
	db: Db | Tx,
	actorId: string,
	targetIds: string[]
): Promise<Map<string, Reach>> {
	const ids = [...new Set(targetIds)];
	if (!ids.length) return new Map();
	const [existing, settings, blocks, shared] = await Promise.all([
		db.select({ id: user.id }).from(user).where(inArray(user.id, ids)),
		db
			.select({ userId: messagingSetting.userId, allow: messagingSetting.allow })
			.from(messagingSetting)
			.where(inArray(messagingSetting.userId, ids)),
		db
			.select({ a: memberBlock.blockerId, b: memberBlock.blockedId })
			.from(memberBlock)
			.where(
				or(
					and(eq(memberBlock.blockerId, actorId), inArray(memberBlock.blockedId, ids)),
					and(eq(memberBlock.blockedId, actorId), inArray(memberBlock.blockerId, ids))
				)
			),
		// Members who are active in an organisation the actor is active in, or in a community of theirs.
		db
			.selectDistinct({ userId: organisationMember.userId })
			.from(organisationMember)
			.where(
				and(
					inArray(organisationMember.userId, ids),
					eq(organisationMember.status, 'active'),
					sql`${organisationMember.organisationId} in (select organisation_id from organisation_member where user_id = ${actorId} and status = 'active')`
				)
			)
			.union(
				db
					.selectDistinct({ userId: communityMember.userId })
					.from(communityMember)
					.where(
						and(
							inArray(communityMember.userId, ids),
							sql`${communityMember.communityId} in (select community_id from community_member where user_id = ${actorId})`
						)
					)
			)
	]);
	const found = new Set(existing.map((r) => r.id));
	const allow = new Map(settings.map((s) => [s.userId, s.allow as MessageAudience]));
	const blocked = new Set(blocks.map((b) => (b.a === actorId ? b.b : b.a)));
	const sharing = new Set(shared.map((s) => s.userId));
	return new Map(
		ids.map((id) => [
			id,
			{
				allow: allow.get(id) ?? DEFAULT_AUDIENCE,
				shared: sharing.has(id),
				blocked: blocked.has(id),
				gone: !found.has(id)
			}
		])
	);
}
