import { count, eq, inArray, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { user } from '../accounts/schema.ts';
import { can, type Actor } from '../accounts/policy.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';
import { referral } from '../referrals/schema.ts';
import { conversation, conversationMember, message } from '../messages/schema.ts';
import { setting } from '../platform/schema.ts';
import { community, communityReply, communityThread } from '../communities/schema.ts';
import { event } from '../events/schema.ts';
import { story } from '../stories/schema.ts';
import { resource } from '../library/schema.ts';
import { opportunity } from '../opportunities/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';

export type DemoCounts = {
	members: number;
	organisations: number;
	services: number;
	/** Referrals that involve an example organisation or service (they go with it). */
	referrals: number;
};

const demoOrganisations = sql`(select id from organisation where demo)`;

/** Whether any example content is left (the administrators' banner): two indexed lookups. */
export async function demoContentRemains(db: Db): Promise<boolean> {
	const [row] = rowsOf<{ remains: boolean }>(
		await db.execute(
			sql`select (exists (select 1 from organisation where demo) or exists (select 1 from "user" where demo) or exists (select 1 from community where demo) or exists (select 1 from event where demo) or exists (select 1 from story where demo) or exists (select 1 from resource where demo) or exists (select 1 from opportunity where demo) or exists (select 1 from mentoring_programme where demo)) as remains`
		)
	);
	return Boolean(row?.remains);
}

/** What removing the example content takes away. */
export async function demoContentCounts(db: Db): Promise<DemoCounts> {
	const [[members], [organisations], [services], [referrals]] = await Promise.all([
		db.select({ n: count() }).from(user).where(eq(user.demo, true)),
		db.select({ n: count() }).from(organisation).where(eq(organisation.demo, true)),
		db
			.select({ n: count() })
			.from(service)
			.where(inArray(service.organisationId, demoOrganisations)),
		db
			.select({ n: count() })
			.from(referral)
			.where(
				or(
					inArray(referral.fromOrganisationId, demoOrganisations),
					inArray(referral.toOrganisationId, demoOrganisations)
				)
			)
	]);
	return {
		members: Number(members.n),
		organisations: Number(organisations.n),
		services: Number(services.n),
		referrals: Number(referrals.n)
	};
}

/**
 * Removes every example member, organisation, service and place, and the referrals between them,
 * in one transaction, and nothing else: real accounts that joined, saved or referred to an example
 * lose only that tie. The seeding markers stay, so a restart does not bring the examples back.
 * `actor` null is the command line (`npm run passerelle -- demo remove`).
 */
export async function removeDemoContent(
	db: Db,
	actor: Actor | 'command-line'
): Promise<Result<DemoCounts>> {
	if (actor !== 'command-line' && !can(actor, 'admin.manage-settings')) return failure('forbidden');
	return ok(
		await db.transaction(async (tx) => {
			const counts = await demoContentCounts(tx as unknown as Db);
			await tx
				.delete(referral)
				.where(
					or(
						inArray(referral.fromOrganisationId, demoOrganisations),
						inArray(referral.toOrganisationId, demoOrganisations)
					)
				);
			// Services, places, memberships, invitations and saved services go with their organisation.
			await tx.delete(organisation).where(eq(organisation.demo, true));
			// What example members wrote goes with them (as erasure does), and the conversations only
			// examples were in; profiles, sessions and notices go with their account.
			await tx
				.delete(message)
				.where(
					inArray(
						message.authorId,
						tx.select({ id: user.id }).from(user).where(eq(user.demo, true))
					)
				);
			const demoUsers = tx.select({ id: user.id }).from(user).where(eq(user.demo, true));
			await tx.delete(community).where(eq(community.demo, true));
			await tx.delete(event).where(or(eq(event.demo, true), inArray(event.createdBy, demoUsers)));
			await tx.delete(story).where(or(eq(story.demo, true), inArray(story.authorId, demoUsers)));
			await tx
				.delete(resource)
				.where(or(eq(resource.demo, true), inArray(resource.contributorId, demoUsers)));
			await tx.execute(
				sql`delete from moderation_hold h where h.kind = 'resource' and not exists (select 1 from resource r where r.id = h.subject_id)`
			);
			await tx
				.delete(opportunity)
				.where(or(eq(opportunity.demo, true), inArray(opportunity.posterId, demoUsers)));
			await tx.delete(communityReply).where(inArray(communityReply.authorId, demoUsers));
			await tx.delete(communityThread).where(inArray(communityThread.authorId, demoUsers));
			await tx.execute(sql`
				update community set member_count = member_count - (
					select count(*) from community_member m join "user" u on u.id = m.user_id
					where m.community_id = community.id and u.demo)`);
			await tx.delete(user).where(eq(user.demo, true));
			await tx
				.delete(conversation)
				.where(
					notExists(
						tx
							.select({ id: conversationMember.userId })
							.from(conversationMember)
							.where(eq(conversationMember.conversationId, conversation.id))
					)
				);
			await tx
				.insert(setting)
				.values({ key: 'demo_removed', value: new Date().toISOString() })
				.onConflictDoUpdate({ target: setting.key, set: { value: new Date().toISOString() } });
			await writeAudit(tx, {
				actorId: actor === 'command-line' ? null : actor!.id,
				action: 'demo.remove',
				subjectType: 'platform',
				detail: counts
			});
			return counts;
		})
	);
}
