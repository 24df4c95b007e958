import type { Subject } from '../moderation/report.ts';
import { screenOnSave } from '../moderation/screening.ts';
import { asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { profileForm, PROFILE_FIELDS, type ProfileInput } from '#lib/members/profile.ts';
import type { FieldErrors } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { escoConcept } from '../esco/schema.ts';
import { memberProfile } from './schema.ts';
import { canEditProfile } from './policy.ts';
import { SEARCH_DATA_VERSION, searchData } from './search-data.ts';
import { forgetDirectoryOptions } from './directory-options.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';

/** Labels of the chosen ESCO concepts in every language we hold, so search finds them in any. */
async function expertiseLabels(db: Db, uris: string[]) {
	if (!uris.length)
		return {
			known: new Set<string>(),
			labels: [] as string[],
			labelsByUri: new Map<string, string[]>()
		};
	const rows = await db
		.select({
			uri: escoConcept.uri,
			preferred: escoConcept.preferredLabel,
			alt: escoConcept.altLabels
		})
		.from(escoConcept)
		.where(inArray(escoConcept.uri, uris));
	const labelsByUri = new Map<string, string[]>();
	for (const r of rows)
		labelsByUri.set(r.uri, [...(labelsByUri.get(r.uri) ?? []), r.preferred, ...r.alt]);
	return {
		known: new Set(rows.map((r) => r.uri)),
		labels: rows.flatMap((r) => [r.preferred, ...r.alt]),
		labelsByUri
	};
}

/** The derived search columns of member_profile, from what each audience may see. */
function searchColumns(p: Parameters<typeof searchData>[0]) {
	const derived = searchData(p);
	return {
		nameKey: derived.nameKey,
		searchVersion: SEARCH_DATA_VERSION,
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
	await rederive(db, eq(memberProfile.userId, userId));
}

/** Derives again the search columns of the profiles `where` selects, from what is stored. */
async function rederive(db: Db, where: SQL, limit?: number) {
	const query = db
		.select({ name: user.name, profile: memberProfile })
		.from(memberProfile)
		.innerJoin(user, eq(user.id, memberProfile.userId))
		.where(where)
		.orderBy(asc(memberProfile.userId));
	const rows = limit ? await query.limit(limit) : await query;
	const uris = [...new Set(rows.flatMap((r) => r.profile.expertise))];
	const { labelsByUri } = await expertiseLabels(db, uris);
	for (const { name, profile: p } of rows) {
		await db
			.update(memberProfile)
			.set(
				searchColumns({
					name,
					headline: p.headline,
					bio: p.bio,
					city: p.city,
					residenceCountry: p.residenceCountry,
					originCountries: p.originCountries,
					languages: p.languages,
					expertise: p.expertise,
					interests: p.interests,
					expertiseLabels: p.expertise.flatMap((u) => labelsByUri.get(u) ?? []),
					visibility: p.visibility
				})
			)
			.where(eq(memberProfile.userId, p.userId));
	}
	return rows.length;
}

/**
 * Profiles whose search columns an older SEARCH_DATA_VERSION derived are derived again, a batch
 * per transaction, so a new rule (names across scripts) reaches members who never save again.
 * Run by the queue after a start (app/context.ts); returns how many were refreshed.
 */
export async function refreshOutdatedProfileSearch(db: Db, batch = 500) {
	let total = 0;
	for (;;) {
		const n = await db.transaction((tx) =>
			rederive(tx as unknown as Db, lt(memberProfile.searchVersion, SEARCH_DATA_VERSION), batch)
		);
		total += n;
		if (n < batch) return total;
	}
}

/** Whether any profile's search columns predate the current rules (a cheap check at start). */
export async function profileSearchOutdated(db: Db) {
	const [row] = await db
		.select({ userId: memberProfile.userId })
		.from(memberProfile)
		.where(lt(memberProfile.searchVersion, SEARCH_DATA_VERSION))
		.limit(1);
	return Boolean(row);
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

/** A profile as moderators read it: name, headline and bio, and where it is seen. */
export function profileSubject(userId: string, words: string): Subject {
	return {
		kind: 'profile',
		id: userId,
		authorId: userId,
		excerpt: words,
		path: `/members/${userId}`
	};
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
		// Words that match a lexicon put the profile before moderators; nothing is removed.
		const words = [input.name, input.headline, input.bio].filter(Boolean).join('\n');
		await screenOnSave(tx, profileSubject(userId, words), words);
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
