import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { fileReport } from '../moderation/report.ts';
import { failure, type Result } from '../platform/result.ts';
import { blockedBetween } from './blocks.ts';
import { findProfileRow, getProfile } from './get-profile.ts';
import { profileSubject } from './save-profile.ts';

/** A member reports a profile they can see (as they see it: what is hidden from them stays out). */
export async function reportProfile(
	db: Db,
	actor: Actor,
	userId: string,
	raw: unknown
): Promise<Result<{ caseId: string }>> {
	if (!actor) return failure('forbidden');
	if (actor.id !== userId && (await blockedBetween(db, actor.id, userId)))
		return failure('not_found');
	const profile = await getProfile(db, actor, userId);
	if (!profile) return failure('not_found');
	const row = await findProfileRow(db, userId);
	const bio = profile.bioHtml ? row?.bio : null;
	const words = [profile.name, profile.headline, bio].filter(Boolean).join('\n');
	return fileReport(db, actor, profileSubject(userId, words), raw);
}
