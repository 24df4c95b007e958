import { eq, inArray, sql } from 'drizzle-orm';
import { profileForm, PROFILE_FIELDS, type ProfileInput } from '#lib/members/profile.ts';
import type { FieldErrors } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { escoConcept } from '../esco/schema.ts';
import { memberProfile } from './schema.ts';
import { canEditProfile } from './policy.ts';
import { searchData } from './search-data.ts';
import { forgetDirectoryOptions } from './directory-options.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';

/** Labels of the chosen ESCO concepts in every language we hold, so search finds them in any. */
async function expertiseLabels(db: Db, uris: string[]) {
	if (!uris.length) return { known: new Set<string>(), labels: [] as string[] };
	const rows = await db
		.select({
			uri: escoConcept.uri,
			preferred: escoConcept.preferredLabel,
			alt: escoConcept.altLabels
		})
		.from(escoConcept)
		.where(inArray(escoConcept.uri, uris));
	return {
		known: new Set(rows.map((r) => r.uri)),
		labels: rows.flatMap((r) => [r.preferred, ...r.alt])
	};
}

/** The derived search columns of member_profile, from what each audience may see. */
function searchColumns(p: Parameters<typeof searchData>[0]) {
	const derived = searchData(p);
	return {
		nameKey: derived.nameKey,
		searchPublic: sql`to_tsvector('simple', ${derived.publicText})`,
		searchMembers: sql`to_tsvector('simple', ${derived.membersText})`,
		facetsPublic: derived.facetsPublic,
		facetsMembers: derived.facetsMembers
	};
}

/**
 * Recomputes a member's search columns from what is stored, after a change made outside the
 * profile form (a rename through the auth API, the name given after a phone sign-up).
 */
export async function refreshProfileSearch(db: Db, userId: string) {
	const [row] = await db
		.select({ name: user.name, profile: memberProfile })
		.from(memberProfile)
		.innerJoin(user, eq(user.id, memberProfile.userId))
		.where(eq(memberProfile.userId, userId));
	if (!row) return;
	const p = row.profile;
	const { labels } = await expertiseLabels(db, p.expertise);
	await db
		.update(memberProfile)
		.set(
			searchColumns({
				name: row.name,
				headline: p.headline,
				bio: p.bio,
				city: p.city,
				residenceCountry: p.residenceCountry,
				originCountries: p.originCountries,
				languages: p.languages,
				expertise: p.expertise,
				interests: p.interests,
				expertiseLabels: labels,
				visibility: p.visibility
			})
		)
		.where(eq(memberProfile.userId, userId));
}

/** Writes the profile and its derived search columns (used by saves and the seed). */
export async function writeProfile(
	db: Db,
	userId: string,
	input: Omit<ProfileInput, 'name'> & { name: string },
	knownLabels?: string[]
) {
	const labels = knownLabels ?? (await expertiseLabels(db, input.expertise)).labels;
	const stored = {
		headline: input.headline || null,
		bio: input.bio || null,
		city: input.city || null,
		residenceCountry: input.residence || null,
		originCountries: input.origin,
		languages: input.languages,
		expertise: input.expertise,
		interests: input.interests
	};
	const update = {
		...stored,
		links: input.links,
		contentLocale: input.contentLocale,
		listed: input.listed,
		visibility: input.visibility,
		...searchColumns({
			name: input.name,
			...stored,
			expertiseLabels: labels,
			visibility: input.visibility
		}),
		updatedAt: new Date()
	};
	await db
		.insert(memberProfile)
		.values({ userId, ...update })
		.onConflictDoUpdate({ target: memberProfile.userId, set: update });
}

export async function saveProfile(
	db: Db,
	actor: Actor,
	userId: string,
	raw: unknown
): Promise<Result> {
	if (!canEditProfile(actor, userId)) return failure('forbidden');
	const parsed = profileForm.safeParse(raw);
	if (!parsed.success) {
		const errors: FieldErrors = {};
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
		return failure('invalid', errors);
	}
	const input = parsed.data;
	const { known, labels } = await expertiseLabels(db, input.expertise);
	if (input.expertise.some((u) => !known.has(u))) {
		return failure('invalid', { expertise: 'error_expertise_invalid' });
	}
	await db.transaction(async (tx) => {
		await tx
			.update(user)
			.set({ name: input.name, updatedAt: new Date() })
			.where(eq(user.id, userId));
		await writeProfile(tx as unknown as Db, userId, input, labels);
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'profile.update',
			subjectType: 'user',
			subjectId: userId,
			detail: { listed: input.listed }
		});
	});
	// The directory's filter choices follow the profiles at once on this instance.
	forgetDirectoryOptions();
	return ok();
}

/** A new profile: private by default, in the person's language. */
export function emptyProfile(name: string, locale: string): ProfileInput {
	return {
		name,
		headline: '',
		city: '',
		bio: '',
		residence: '',
		origin: [],
		languages: [],
		expertise: [],
		interests: [],
		links: [],
		contentLocale: (['en', 'fr', 'es', 'ar'].includes(locale)
			? locale
			: 'en') as ProfileInput['contentLocale'],
		listed: 'members',
		visibility: { ...PROFILE_FIELDS }
	};
}
