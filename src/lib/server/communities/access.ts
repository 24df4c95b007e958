import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { isPlatformModerator } from '../moderation/policy.ts';
import { canCommunity, type CommunityAction, type CommunityTie } from './policy.ts';
import { community, communityMember } from './schema.ts';

export function hashInvite(token: string) {
	return createHash('sha256').update(`community-invite:${token}`).digest('base64url');
}

function sameHash(a: string | null, b: string) {
	if (!a) return false;
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A community with what the actor is to it, or null when the actor may not `action` it. An
 * invite-only community answers null to anyone outside it, so pages say 404 and its existence
 * is not revealed.
 */
export async function communityAccess(
	db: Db | Tx,
	actor: Actor,
	slug: string,
	action: CommunityAction = 'see',
	opts: { inviteToken?: string } = {}
) {
	if (!slug || slug.length > 120) return null;
	const [row] = await db
		.select({ community, role: communityMember.role })
		.from(community)
		.leftJoin(
			communityMember,
			and(
				eq(communityMember.communityId, community.id),
				eq(communityMember.userId, actor?.id ?? '')
			)
		)
		.where(eq(community.slug, slug));
	if (!row) return null;
	const tie: CommunityTie = {
		visibility: row.community.visibility,
		role: row.role ?? null,
		invited:
			!!opts.inviteToken && sameHash(row.community.inviteTokenHash, hashInvite(opts.inviteToken)),
		platformModerator: isPlatformModerator(actor)
	};
	if (!canCommunity(actor, action, tie)) return null;
	return {
		community: row.community,
		tie,
		may: (a: CommunityAction) => canCommunity(actor, a, tie)
	};
}

/** The ids of the communities a member moderates: their part of the moderation queue. */
export async function moderatedCommunities(db: Db | Tx, userId: string) {
	const rows = await db
		.select({ id: communityMember.communityId })
		.from(communityMember)
		.where(and(eq(communityMember.userId, userId), eq(communityMember.role, 'moderator')));
	return rows.map((r) => r.id);
}
