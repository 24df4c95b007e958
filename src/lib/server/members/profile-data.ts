import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { memberProfile } from './schema.ts';

/** A person's profile as their data export shows it (the photo's presence, not its files). */
export async function profileDataOf(db: Db, userId: string) {
	const [profile] = await db.select().from(memberProfile).where(eq(memberProfile.userId, userId));
	if (!profile) return null;
	return {
		headline: profile.headline,
		bio: profile.bio,
		city: profile.city,
		residenceCountry: profile.residenceCountry,
		originCountries: profile.originCountries,
		languages: profile.languages,
		expertise: profile.expertise,
		interests: profile.interests,
		links: profile.links,
		hasPhoto: !!profile.photo,
		contentLocale: profile.contentLocale,
		listed: profile.listed,
		visibility: profile.visibility,
		updatedAt: profile.updatedAt
	};
}

/** The version of a person's photo, if they have one (its files go when the account goes). */
export async function photoVersionOf(db: Db, userId: string) {
	const [row] = await db
		.select({ photo: memberProfile.photo })
		.from(memberProfile)
		.where(eq(memberProfile.userId, userId));
	return row?.photo?.version ?? null;
}
