import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { Storage } from '../platform/storage.ts';
import { pseudonymiseAuditOf, writeAudit } from '../platform/audit.ts';
import { forgetMessagesTo } from '../platform/person-records.ts';
import { accountDataOf, deleteAccountRow, isLastAdministrator } from '../accounts/account-data.ts';
import { ADMIN_LOCK } from '../accounts/roles.ts';
import { photoVersionOf } from '../members/profile-data.ts';
import { removePhotoFiles } from '../members/photo.ts';
import { forgetDirectoryOptions } from '../members/directory-options.ts';
import { soleAdminOf } from '../organisations/membership-data.ts';
import { anonymiseReferralsOf } from '../referrals/person-data.ts';
import { eraseAppointmentsOf } from '../appointments/reminders.ts';
import { eraseStoriesOf } from '../stories/stories.ts';
import { eraseResourcesOf } from '../library/person-data.ts';
import { eraseOpportunitiesOf } from '../opportunities/person-data.ts';
import { withdrawCertificatesOf } from '../courses/certificates.ts';
import { eraseEventsOf } from '../events/person-data.ts';
import { eraseCommunitiesOf } from '../communities/person-data.ts';
import { eraseModerationOf } from '../moderation/person-data.ts';
import { eraseMessagesOf, removeMessageFiles } from '../messages/person-data.ts';

/**
 * What stops an erasure: the platform's last administrator, or the last active administrator of
 * an organisation, would leave it with nobody to run it. They hand the role over first.
 */
export async function erasureBlockers(db: Db | Tx, userId: string) {
	return {
		lastPlatformAdmin: await isLastAdministrator(db, userId),
		soleAdminOf: await soleAdminOf(db, userId)
	};
}

/**
 * Erasure: the account, profile, photo, sessions, sign-in methods, roles and memberships go (cascades);
 * messages kept for them and the private messages they wrote are deleted; referrals about them are anonymised; the audit trail keeps
 * what they did under a pseudonym (platform/audit.ts). Refused while the person is the last
 * administrator of the platform or of an organisation.
 */
export async function deleteMyAccount(
	deps: { db: Db; storage: Storage },
	userId: string
): Promise<Result> {
	const mine = await accountDataOf(deps.db, userId);
	if (!mine) return failure('not_found');
	const photo = await photoVersionOf(deps.db, userId);
	let messageFiles: string[] = [];
	let storyFiles: string[] = [];
	let resourceFiles: string[] = [];
	const result = await deps.db.transaction(async (tx): Promise<Result> => {
		// Shared with role changes (accounts/roles.ts): one change to who administers at a time.
		await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_LOCK})`);
		const blockers = await erasureBlockers(tx, userId);
		if (blockers.lastPlatformAdmin) return failure('conflict', { form: 'error_delete_last_admin' });
		if (blockers.soleAdminOf.length)
			return failure('conflict', { form: 'error_delete_last_org_admin' });
		await forgetMessagesTo(tx, mine.contacts);
		await anonymiseReferralsOf(tx, userId);
		messageFiles = await eraseMessagesOf(tx, userId);
		await eraseModerationOf(tx, userId);
		await eraseCommunitiesOf(tx, userId);
		await eraseEventsOf(tx, userId);
		storyFiles = await eraseStoriesOf(tx, userId);
		resourceFiles = await eraseResourcesOf(tx, userId);
		await eraseOpportunitiesOf(tx, userId);
		await withdrawCertificatesOf(tx, userId);
		await eraseAppointmentsOf(tx, userId);
		await writeAudit(tx, {
			actorId: userId,
			action: 'account.erased',
			subjectType: 'user',
			subjectId: userId
		});
		// After the row above, so that it too keeps only the pseudonym.
		await pseudonymiseAuditOf(tx, userId);
		await deleteAccountRow(tx, userId);
		return ok();
	});
	if (result.ok && photo) await removePhotoFiles(deps.storage, userId, photo);
	if (result.ok)
		await removeMessageFiles(deps.storage, [...messageFiles, ...storyFiles, ...resourceFiles]);
	if (result.ok) forgetDirectoryOptions();
	return result;
}
