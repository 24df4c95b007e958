import { randomUUID } from 'node:crypto';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { storyForm } from '#lib/stories/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { renderMarkdown } from '../members/markdown.ts';
import { organisationAccess } from '../organisations/access.ts';
import { organisation } from '../organisations/schema.ts';
import { processAttachment } from '../messages/attachment.ts';
import { fileReport, holdForReview, type Subject } from '../moderation/report.ts';
import { screenOnSave } from '../moderation/screening.ts';
import { isHeld } from '../moderation/holds.ts';
import { isPlatformModerator } from '../moderation/policy.ts';
import { moderationHold } from '../moderation/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import type { Storage } from '../platform/storage.ts';
import { story } from './schema.ts';

/** `storage` holds covers; without it (the demo seed) a story has none. */
export type StoryDeps = { db: Db; storage?: Storage; reviewDays: number };
export const STORIES_PAGE = 20;

const subjectOf = (id: string, authorId: string | null, title: string, body: string): Subject => ({
	kind: 'story',
	id,
	authorId,
	excerpt: `${title}\n${body}`,
	path: `/stories/${id}`
});

/**
 * A member publishes a story, on their own or for an organisation they work in; a cover image is
 * re-encoded (no metadata). Accounts younger than `reviewDays` wait for a moderator: the story is
 * held and in the queue until one restores it. Words matching a lexicon are flagged.
 */
export async function publishStory(
	deps: StoryDeps,
	actor: Actor,
	raw: unknown,
	cover: { data: Buffer; name: string } | null,
	opts: { organisation?: string; now?: Date; demo?: boolean; skipLimit?: boolean } = {}
): Promise<Result<{ id: string; waiting: boolean }>> {
	if (!actor) return failure('forbidden');
	const { db } = deps;
	let organisationId: string | null = null;
	if (opts.organisation) {
		const org = await organisationAccess(db, actor, { slug: opts.organisation });
		if (!org?.may('work')) return failure('not_found');
		organisationId = org.organisation.id;
	}
	const parsed = storyForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const image =
		cover && cover.data.byteLength ? await processAttachment(cover.data, cover.name) : null;
	if (cover && cover.data.byteLength && (image?.kind !== 'image' || !deps.storage))
		return failure('invalid', { cover: 'error_story_cover' });
	if (image && !parsed.data.coverAlt)
		return failure('invalid', { coverAlt: 'error_story_alt_needed' });
	if (!opts.skipLimit && !(await hitRateLimit(db, RULES.threadsByAccount, actor.id)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const now = opts.now ?? new Date();
	const [account] = await db
		.select({ createdAt: user.createdAt })
		.from(user)
		.where(eq(user.id, actor.id));
	const young =
		deps.reviewDays > 0 &&
		now.getTime() - account.createdAt.getTime() < deps.reviewDays * 86_400_000;
	const waiting = young && !organisationId && !isPlatformModerator(actor);
	const id = randomUUID();
	const key = image ? `stories/${id}.webp` : null;
	await db.transaction(async (tx) => {
		if (image && key) await deps.storage!.put(key, image.data);
		const { title, body, language, coverAlt } = parsed.data;
		await tx.insert(story).values({
			id,
			authorId: actor.id,
			organisationId,
			title,
			body,
			language,
			coverKey: key,
			coverWidth: image?.width ?? null,
			coverHeight: image?.height ?? null,
			coverAlt,
			createdAt: now,
			demo: opts.demo ?? false
		});
		const subject = subjectOf(id, actor.id, title, body);
		if (waiting) await holdForReview(tx, subject);
		await screenOnSave(tx, subject, `${title}\n${body}`);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'story.publish',
			subjectType: 'story',
			subjectId: id,
			detail: { organisation: organisationId, waiting }
		});
	});
	return ok({ id, waiting });
}

/**
 * The feed: stories nobody hid, newest first, those in the reader's languages (the page's and
 * the ones on their profile) before the others.
 */
export async function storyFeed(db: Db, languages: string[], page = 1) {
	const langs = [...new Set(languages)].filter((l) => /^[a-z]{2,3}$/.test(l)).slice(0, 10);
	const mine = langs.length
		? sql`case when ${inArray(story.language, langs)} then 0 else 1 end`
		: sql`0`;
	const rows = await db
		.select({
			id: story.id,
			title: story.title,
			excerpt: sql<string>`left(${story.body}, 280)`,
			language: story.language,
			author: user.name,
			organisation: organisation.name,
			createdAt: story.createdAt,
			coverKey: story.coverKey,
			demo: story.demo
		})
		.from(story)
		.leftJoin(user, eq(user.id, story.authorId))
		.leftJoin(organisation, eq(organisation.id, story.organisationId))
		.where(
			sql`not exists (select 1 from ${moderationHold} h where h.kind = 'story' and h.subject_id = ${story.id})`
		)
		.orderBy(mine, desc(story.createdAt), desc(story.id))
		.limit(STORIES_PAGE + 1)
		.offset((Math.max(1, page) - 1) * STORIES_PAGE);
	return { items: rows.slice(0, STORIES_PAGE), hasNext: rows.length > STORIES_PAGE, page };
}

/** One story: for everyone once published; while held, for its author and moderators only. */
export async function readStory(db: Db, actor: Actor, id: string) {
	if (!id || id.length > 64) return null;
	const [row] = await db
		.select({
			s: story,
			author: user.name,
			organisation: organisation.name,
			orgSlug: organisation.slug
		})
		.from(story)
		.leftJoin(user, eq(user.id, story.authorId))
		.leftJoin(organisation, eq(organisation.id, story.organisationId))
		.where(eq(story.id, id));
	if (!row) return null;
	const held = await isHeld(db, 'story', id);
	const mine = !!actor && row.s.authorId === actor.id;
	if (held && !mine && !isPlatformModerator(actor)) return null;
	return {
		id,
		title: row.s.title,
		html: renderMarkdown(row.s.body),
		language: row.s.language,
		author: row.author,
		organisation: row.organisation ? { name: row.organisation, slug: row.orgSlug! } : null,
		createdAt: row.s.createdAt,
		cover: row.s.coverKey
			? { width: row.s.coverWidth, height: row.s.coverHeight, alt: row.s.coverAlt }
			: null,
		held,
		mine,
		demo: row.s.demo
	};
}

/** The cover image's bytes, when the story may be seen. */
export async function storyCover(deps: { db: Db; storage: Storage }, actor: Actor, id: string) {
	const seen = await readStory(deps.db, actor, id);
	if (!seen?.cover) return null;
	const [row] = await deps.db.select({ key: story.coverKey }).from(story).where(eq(story.id, id));
	return row?.key ? deps.storage.get(row.key) : null;
}

/** A reader reports a story they can see. */
export async function reportStory(
	db: Db,
	actor: Actor,
	id: string,
	raw: unknown
): Promise<Result<{ caseId: string }>> {
	const seen = await readStory(db, actor, id);
	if (!seen || !actor) return failure('not_found');
	const [row] = await db.select().from(story).where(eq(story.id, id));
	return fileReport(db, actor, subjectOf(id, row.authorId, row.title, row.body), raw);
}

/** For export and erasure: a person's stories. */
export async function storiesOfPerson(db: Db, userId: string) {
	return db
		.select({ title: story.title, body: story.body, language: story.language, at: story.createdAt })
		.from(story)
		.where(eq(story.authorId, userId));
}

/** Erasure deletes a person's own stories (not an organisation's) and returns their cover files. */
export async function eraseStoriesOf(tx: Tx, userId: string) {
	const rows = await tx
		.delete(story)
		.where(and(eq(story.authorId, userId), sql`${story.organisationId} is null`))
		.returning({ key: story.coverKey });
	return rows.map((r) => r.key).filter((k): k is string => !!k);
}
