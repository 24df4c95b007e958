import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { labelsFor } from '../esco/search-esco.ts';
import { memberProfile } from './schema.ts';
import { viewerOf } from './policy.ts';
import { isHeld } from '../moderation/holds.ts';
import { toProfileView, type ProfileRow } from './profile-view.ts';

export const profileColumns = {
	id: user.id,
	name: user.name,
	demo: user.demo,
	listed: memberProfile.listed,
	visibility: memberProfile.visibility,
	contentLocale: memberProfile.contentLocale,
	photo: memberProfile.photo,
	headline: memberProfile.headline,
	originCountries: memberProfile.originCountries,
	residenceCountry: memberProfile.residenceCountry,
	city: memberProfile.city,
	languages: memberProfile.languages,
	expertise: memberProfile.expertise,
	interests: memberProfile.interests,
	bio: memberProfile.bio,
	links: memberProfile.links
};

export async function findProfileRow(db: Db, userId: string): Promise<ProfileRow | null> {
	const [row] = await db
		.select(profileColumns)
		.from(memberProfile)
		.innerJoin(user, eq(user.id, memberProfile.userId))
		.where(eq(memberProfile.userId, userId));
	return (row as ProfileRow | undefined) ?? null;
}

/** A profile as the actor may see it, or null (missing or hidden: the same answer, on purpose). */
export async function getProfile(db: Db, actor: Actor, userId: string, language = 'en') {
	const row = await findProfileRow(db, userId);
	if (!row) return null;
	const viewer = viewerOf(actor, userId);
	// Hidden by moderators: gone for everyone but its owner, who is told why (their account page).
	const held = await isHeld(db, 'profile', userId);
	if (held && viewer !== 'owner') return null;
	const labels = await labelsFor(db, row.expertise, language);
	const view = toProfileView(row, viewer, labels);
	return view && held ? { ...view, held } : view;
}
