import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import {
	entrySchema,
	MAX_ENTRIES_PER_KIND,
	SKILL_ENTRY_KINDS,
	type SkillEntryKind
} from '#lib/skills/forms.ts';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { escoConcept } from '../esco/schema.ts';
import { labelsFor } from '../esco/search-esco.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { writeAudit } from '../platform/audit.ts';
import { canSkills } from './policy.ts';
import { skillEntry } from './schema.ts';

export type SkillRow = typeof skillEntry.$inferSelect;

/**
 * Adds an entry to the actor's own profile: checked by its kind's form, an ESCO concept only if
 * it is loaded and of that kind, a language once (a new level replaces the old), at most
 * MAX_ENTRIES_PER_KIND of a kind. Nothing is stored on any error. An adviser the person let fill
 * it with them (`forPerson`, with the consent checked by the caller: consent.ts) adds to theirs,
 * audited.
 */
export async function addSkillEntry(
	db: Db,
	actor: Actor,
	kind: string,
	values: Record<string, string>,
	forPerson?: { userId: string; delegate: boolean }
): Promise<Result<{ id: string }>> {
	const owner = forPerson?.userId ?? actor?.id;
	const tie = { owner: !!actor && owner === actor.id, delegate: forPerson?.delegate };
	if (!actor || !owner || !canSkills(actor, 'edit', tie)) return failure('forbidden');
	if (!(SKILL_ENTRY_KINDS as readonly string[]).includes(kind)) return failure('not_found');
	const k = kind as SkillEntryKind;
	const parsed = entrySchema(k).safeParse(values);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const input = parsed.data as Record<string, string>;
	if (k === 'occupation' || k === 'skill') {
		const [concept] = await db
			.select({ kind: escoConcept.kind })
			.from(escoConcept)
			.where(eq(escoConcept.uri, input.uri))
			.limit(1);
		if (concept?.kind !== k) return failure('invalid', { uri: 'skills_error_concept' });
	}
	return db.transaction(async (tx) => {
		const [{ n }] = await tx
			.select({ n: count() })
			.from(skillEntry)
			.where(and(eq(skillEntry.userId, owner), eq(skillEntry.kind, k)));
		const same =
			k === 'language'
				? eq(skillEntry.language, input.language)
				: k === 'occupation' || k === 'skill'
					? eq(skillEntry.escoUri, input.uri)
					: null;
		if (same) {
			const [existing] = await tx
				.select({ id: skillEntry.id })
				.from(skillEntry)
				.where(and(eq(skillEntry.userId, owner), eq(skillEntry.kind, k), same));
			if (existing) {
				if (k === 'language')
					await tx
						.update(skillEntry)
						.set({ level: input.level as SkillRow['level'] })
						.where(eq(skillEntry.id, existing.id));
				return ok({ id: existing.id });
			}
		}
		if (n >= MAX_ENTRIES_PER_KIND) return failure('invalid', { form: 'skills_error_too_many' });
		const id = randomUUID();
		await tx.insert(skillEntry).values({
			id,
			userId: owner,
			kind: k,
			escoUri: input.uri ?? null,
			title: input.title ?? null,
			place: input.place || null,
			country: input.country || null,
			started: input.started || null,
			ended: input.ended || null,
			language: input.language ?? null,
			level: (input.level as SkillRow['level']) ?? null
		});
		if (!tie.owner)
			await writeAudit(tx, {
				actorId: actor.id,
				action: 'skills.add_for',
				subjectType: 'user',
				subjectId: owner,
				detail: { kind: k }
			});
		return ok({ id });
	});
}

/** Removes one of the actor's own entries (or, with consent, of the person they fill it with). */
export async function removeSkillEntry(
	db: Db,
	actor: Actor,
	id: string,
	forPerson?: { userId: string; delegate: boolean }
): Promise<Result> {
	const owner = forPerson?.userId ?? actor?.id;
	const tie = { owner: !!actor && owner === actor.id, delegate: forPerson?.delegate };
	if (!actor || !owner || !canSkills(actor, 'edit', tie)) return failure('forbidden');
	if (!id || id.length > 64) return failure('not_found');
	const rows = await db
		.delete(skillEntry)
		.where(and(eq(skillEntry.id, id), eq(skillEntry.userId, owner)))
		.returning({ id: skillEntry.id });
	return rows.length ? ok() : failure('not_found');
}

/** A profile as it is shown: entries by kind, ESCO labels in each of the given languages. */
export type SkillsProfile = {
	[K in SkillEntryKind]: (SkillRow & { labels: Record<string, string> })[];
};

/**
 * The actor's own profile, each ESCO entry labelled in every language asked for (the reader's
 * and the host country's, side by side; English where ESCO has no label in a language loaded).
 */
export async function readSkillsProfile(
	db: Db,
	actor: Actor,
	userId: string,
	languages: string[],
	/** The person handed it to the actor: an application (opportunities), or consent (consent.ts). */
	sharedWith = false
): Promise<SkillsProfile | null> {
	if (!actor || !canSkills(actor, 'see', { owner: actor.id === userId, sharedWith })) return null;
	const rows = await db
		.select()
		.from(skillEntry)
		.where(eq(skillEntry.userId, userId))
		.orderBy(asc(skillEntry.kind), asc(skillEntry.started), asc(skillEntry.createdAt));
	const uris = rows.flatMap((r) => (r.escoUri ? [r.escoUri] : []));
	const labels = new Map(
		await Promise.all(languages.map(async (l) => [l, await labelsFor(db, uris, l)] as const))
	);
	const profile = Object.fromEntries(
		SKILL_ENTRY_KINDS.map((k) => [k, []])
	) as unknown as SkillsProfile;
	for (const r of rows)
		profile[r.kind].push({
			...r,
			labels: Object.fromEntries(
				languages.map((l) => [l, (r.escoUri && labels.get(l)?.get(r.escoUri)) || r.escoUri || ''])
			)
		});
	return profile;
}

/** The ESCO concepts of a person's profile, as matching reads them. */
export async function profileConcepts(db: Db, userIds: string[]) {
	if (!userIds.length) return [];
	return db
		.select({ userId: skillEntry.userId, kind: skillEntry.kind, uri: skillEntry.escoUri })
		.from(skillEntry)
		.where(
			and(inArray(skillEntry.userId, userIds), inArray(skillEntry.kind, ['occupation', 'skill']))
		);
}
