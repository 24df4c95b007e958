import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { resourceForm } from '#lib/library/forms.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisationAccess } from '../organisations/access.ts';
import { holdForReview, type Subject } from '../moderation/report.ts';
import { screenOnSave } from '../moderation/screening.ts';
import { isHeld } from '../moderation/holds.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { Storage } from '../platform/storage.ts';
import { searchKey } from '../search/normalise.ts';
import { checkResourceFile } from './files.ts';
import { canResource } from './policy.ts';
import { resource } from './schema.ts';

export type LibraryDeps = { db: Db; storage: Storage };

export const resourcePath = (id: string) => `/library/${id}`;

export const resourceSubject = (
	id: string,
	contributorId: string | null,
	title: string,
	description: string
): Subject => ({
	kind: 'resource',
	id,
	authorId: contributorId,
	excerpt: `${title}\n${description}`,
	path: resourcePath(id)
});

export const searchOf = (title: string, description: string) =>
	sql`to_tsvector('simple', ${`${searchKey(title)} ${searchKey(description)}`})`;

/**
 * A member contributes a resource: a file (checked by its content, files.ts) or a link, with
 * its description, language, themes and country; for an organisation they work in, or as a
 * translation of a published resource (a language the group lacks). It waits for a moderator
 * unless a moderator contributed it. The file is stored before the row and removed if the row
 * is not written: nothing is half-stored.
 */
export async function contributeResource(
	deps: LibraryDeps,
	actor: Actor,
	raw: unknown,
	upload: { data: Buffer; name: string } | null,
	opts: {
		/** Already reviewed: the demo seed, a course import. Routes never pass it. */
		reviewed?: boolean;
		translationOf?: string;
		organisation?: string;
		demo?: boolean;
		now?: Date;
		skipLimit?: boolean;
	} = {}
): Promise<Result<{ id: string; waiting: boolean }>> {
	if (!actor) return failure('forbidden');
	const { db } = deps;
	const parsed = resourceForm.safeParse(raw);
	const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
	const hasFile = !!upload && upload.data.byteLength > 0;
	const checked = hasFile ? await checkResourceFile(upload!.data, upload!.name) : null;
	if (checked && !checked.ok) errors.file = checked.error;
	if (parsed.success && !hasFile && !parsed.data.url) errors.url = 'error_resource_file_or_link';
	if (parsed.success && hasFile && parsed.data.url) errors.url = 'error_resource_not_both';
	let group: string | null = null;
	if (opts.translationOf) {
		const [original] = await db
			.select({ group: resource.translationGroup })
			.from(resource)
			.where(eq(resource.id, opts.translationOf));
		if (
			!original ||
			!canResource(actor, 'translate', {
				contributor: false,
				held: await isHeld(db, 'resource', opts.translationOf)
			})
		)
			return failure('not_found');
		group = original.group;
		if (parsed.success) {
			const [same] = await db
				.select({ id: resource.id })
				.from(resource)
				.where(
					and(eq(resource.translationGroup, group), eq(resource.language, parsed.data.language))
				);
			if (same) errors.language = 'error_resource_translation_language';
		}
	}
	if (!parsed.success || Object.keys(errors).length) return failure('invalid', errors);
	let organisationId: string | null = null;
	if (opts.organisation) {
		const org = await organisationAccess(db, actor, { slug: opts.organisation });
		if (!org?.may('work')) return failure('not_found');
		organisationId = org.organisation.id;
	}
	if (!opts.skipLimit && !(await hitRateLimit(db, RULES.resourcesByAccount, actor.id)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const input = parsed.data;
	const file = checked?.ok ? checked.file : null;
	const id = randomUUID();
	const waiting =
		!opts.reviewed && !canResource(actor, 'publish-at-once', { contributor: true, held: false });
	const key = file ? `library/${id}.${file.extension}` : null;
	if (file && key) await deps.storage.put(key, file.data);
	try {
		await db.transaction(async (tx) => {
			await tx.insert(resource).values({
				id,
				kind: file ? file.kind : input.kind,
				title: input.title,
				description: input.description,
				language: input.language,
				themes: input.themes,
				country: input.country || null,
				url: file ? null : input.url,
				fileKey: key,
				fileName: file?.name ?? null,
				fileType: file?.type ?? null,
				fileBytes: file?.data.byteLength ?? null,
				translationGroup: group ?? id,
				contributorId: actor.id,
				organisationId,
				search: searchOf(input.title, input.description),
				createdAt: opts.now ?? new Date(),
				demo: opts.demo ?? false
			});
			const subject = resourceSubject(id, actor.id, input.title, input.description);
			if (waiting) await holdForReview(tx, subject, 'review_contribution');
			await screenOnSave(tx, subject, `${input.title}\n${input.description}`);
			await writeAudit(tx, {
				actorId: actor.id,
				action: 'resource.contribute',
				subjectType: 'resource',
				subjectId: id,
				detail: {
					kind: file ? file.kind : input.kind,
					waiting,
					translationOf: opts.translationOf ?? null
				}
			});
		});
	} catch (error) {
		if (key) await deps.storage.remove(key).catch(() => {});
		throw error;
	}
	return ok({ id, waiting });
}
