import { randomBytes, randomUUID } from 'node:crypto';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import { communityForm } from '#lib/communities/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { searchKey } from '../search/normalise.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { communityAccess, hashInvite } from './access.ts';
import { community, communityMember } from './schema.ts';

export function communitySlug(name: string) {
	const base = searchKey(name).replace(/ /g, '-').slice(0, 50) || 'community';
	return `${base}-${randomUUID().slice(0, 6)}`;
}

export function communitySearch(name: string, description: string) {
	return {
		nameKey: searchKey(name),
		search: sql`to_tsvector('simple', ${`${searchKey(name)} ${searchKey(description)}`})`
	};
}

/** Any member may start a community; they are its first moderator. */
export async function createCommunity(
	db: Db,
	actor: Actor,
	raw: unknown,
	opts: { demo?: boolean; skipLimit?: boolean } = {}
): Promise<Result<{ id: string; slug: string }>> {
	if (!actor) return failure('forbidden');
	const parsed = communityForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	if (!opts.skipLimit && !(await hitRateLimit(db, RULES.communitiesByAccount, actor.id)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const d = parsed.data;
	const id = randomUUID();
	const slug = communitySlug(d.name);
	await db.transaction(async (tx) => {
		await tx.insert(community).values({
			id,
			slug,
			name: d.name,
			description: d.description,
			theme: d.theme,
			country: d.country || null,
			language: d.language,
			visibility: d.visibility,
			createdBy: actor.id,
			memberCount: 1,
			demo: opts.demo ?? false,
			...communitySearch(d.name, d.description)
		});
		await tx
			.insert(communityMember)
			.values({ communityId: id, userId: actor.id, role: 'moderator' });
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'community.create',
			subjectType: 'community',
			subjectId: id,
			detail: { visibility: d.visibility }
		});
	});
	return ok({ id, slug });
}

/** Its moderators change a community's name, description, theme, country, language or visibility. */
export async function updateCommunity(
	db: Db,
	actor: Actor,
	slug: string,
	raw: unknown
): Promise<Result> {
	const access = await communityAccess(db, actor, slug, 'moderate');
	if (!access) return failure('not_found');
	const parsed = communityForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const d = parsed.data;
	await db.transaction(async (tx) => {
		await tx
			.update(community)
			.set({
				name: d.name,
				description: d.description,
				theme: d.theme,
				country: d.country || null,
				language: d.language,
				visibility: d.visibility,
				...communitySearch(d.name, d.description)
			})
			.where(eq(community.id, access.community.id));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'community.update',
			subjectType: 'community',
			subjectId: access.community.id,
			detail: { visibility: d.visibility }
		});
	});
	return ok();
}

async function recount(tx: Tx, communityId: string) {
	await tx
		.update(community)
		.set({
			memberCount: sql`(select count(*)::int from community_member where community_id = ${communityId})`
		})
		.where(eq(community.id, communityId));
}

/**
 * Joining: open for public and members-only communities, with the current invitation link for an
 * invite-only one. Joining twice changes nothing.
 */
export async function joinCommunity(
	db: Db,
	actor: Actor,
	slug: string,
	inviteToken?: string
): Promise<Result> {
	if (!actor) return failure('forbidden');
	const seen = await communityAccess(db, actor, slug, 'see', { inviteToken });
	if (!seen) return failure('not_found');
	if (seen.tie.role) return ok();
	if (!seen.may('join')) return failure('forbidden', { form: 'error_community_invite_only' });
	await db.transaction(async (tx) => {
		const added = await tx
			.insert(communityMember)
			.values({ communityId: seen.community.id, userId: actor.id })
			.onConflictDoNothing()
			.returning({ id: communityMember.userId });
		if (!added.length) return;
		await recount(tx, seen.community.id);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'community.join',
			subjectType: 'community',
			subjectId: seen.community.id,
			detail: { invited: seen.tie.invited }
		});
	});
	return ok();
}

/** A member leaves; the last moderator of a community with other members hands over first. */
export async function leaveCommunity(db: Db, actor: Actor, slug: string): Promise<Result> {
	const access = await communityAccess(db, actor, slug, 'see');
	if (!access || !access.tie.role) return failure('not_found');
	return db.transaction(async (tx): Promise<Result> => {
		const id = access.community.id;
		if (access.tie.role === 'moderator') {
			await tx.execute(sql`select id from community where id = ${id} for update`);
			const [{ others }] = await tx
				.select({ others: count() })
				.from(communityMember)
				.where(and(eq(communityMember.communityId, id), ne(communityMember.userId, actor!.id)));
			const [{ moderators }] = await tx
				.select({ moderators: count() })
				.from(communityMember)
				.where(and(eq(communityMember.communityId, id), eq(communityMember.role, 'moderator')));
			if (others > 0 && moderators === 1)
				return failure('conflict', { form: 'error_community_last_moderator' });
		}
		await tx
			.delete(communityMember)
			.where(and(eq(communityMember.communityId, id), eq(communityMember.userId, actor!.id)));
		await recount(tx, id);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'community.leave',
			subjectType: 'community',
			subjectId: id
		});
		return ok();
	});
}

/**
 * A new invitation link (the previous one stops working). The secret is shown once to the
 * moderator and kept only as its hash.
 */
export async function newInvitationLink(
	db: Db,
	actor: Actor,
	slug: string
): Promise<Result<{ token: string }>> {
	const access = await communityAccess(db, actor, slug, 'moderate');
	if (!access) return failure('not_found');
	const token = randomBytes(18).toString('base64url');
	await db.transaction(async (tx) => {
		await tx
			.update(community)
			.set({ inviteTokenHash: hashInvite(token) })
			.where(eq(community.id, access.community.id));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'community.invite-link',
			subjectType: 'community',
			subjectId: access.community.id
		});
	});
	return ok({ token });
}

/** Moderators make a member a moderator, step one down (not the last), or remove a member. */
export async function changeMember(
	db: Db,
	actor: Actor,
	slug: string,
	userId: string,
	change: 'promote' | 'demote' | 'remove'
): Promise<Result> {
	const access = await communityAccess(db, actor, slug, 'moderate');
	if (!access) return failure('not_found');
	const id = access.community.id;
	return db.transaction(async (tx): Promise<Result> => {
		await tx.execute(sql`select id from community where id = ${id} for update`);
		const [target] = await tx
			.select({ role: communityMember.role })
			.from(communityMember)
			.where(and(eq(communityMember.communityId, id), eq(communityMember.userId, userId)));
		if (!target) return failure('not_found');
		if (change !== 'promote' && target.role === 'moderator') {
			const [{ moderators }] = await tx
				.select({ moderators: count() })
				.from(communityMember)
				.where(and(eq(communityMember.communityId, id), eq(communityMember.role, 'moderator')));
			if (moderators === 1) return failure('conflict', { form: 'error_community_last_moderator' });
		}
		const where = and(eq(communityMember.communityId, id), eq(communityMember.userId, userId));
		if (change === 'remove') await tx.delete(communityMember).where(where);
		else
			await tx
				.update(communityMember)
				.set({ role: change === 'promote' ? 'moderator' : 'member' })
				.where(where);
		await recount(tx, id);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: `community.member-${change}`,
			subjectType: 'community',
			subjectId: id,
			detail: { member: userId }
		});
		return ok();
	});
}
