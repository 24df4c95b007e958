import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { escoConcept } from '../esco/schema.ts';
import { memberProfile } from './schema.ts';
import { viewerOf } from './policy.ts';
import { toProfileView, type ProfileRow } from './profile-view.ts';

export const profileColumns = {
	id: user.id,
	name: user.name,
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

/** ESCO labels in the reader's language, English where that language is not imported. */
export async function escoLabels(db: Db, uris: string[], language: string) {
	const labels = new Map<string, string>();
	if (!uris.length) return labels;
	const rows = await db
		.select({
			uri: escoConcept.uri,
			language: escoConcept.language,
			label: escoConcept.preferredLabel
		})
		.from(escoConcept)
		.where(and(inArray(escoConcept.uri, uris), inArray(escoConcept.language, [language, 'en'])));
	for (const r of rows) if (r.language === 'en' && !labels.has(r.uri)) labels.set(r.uri, r.label);
	for (const r of rows) if (r.language === language) labels.set(r.uri, r.label);
	return labels;
}

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
	const labels = await escoLabels(db, row.expertise, language);
	return toProfileView(row, viewer, labels);
}
