import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { opportunityForm, splitSkillLines } from '#lib/opportunities/forms.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { escoConcept } from '../esco/schema.ts';
import { searchEsco } from '../esco/search-esco.ts';
import { organisationAccess } from '../organisations/access.ts';
import { holdForReview, type Subject } from '../moderation/report.ts';
import { screenOnSave } from '../moderation/screening.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { searchKey } from '../search/normalise.ts';
import { canOpportunity } from './policy.ts';
import { opportunity } from './schema.ts';

export type OpportunityDeps = { db: Db; notifier: Notifier };

export const opportunityPath = (id: string) => `/opportunities/${id}`;

export const opportunitySubject = (
	id: string,
	posterId: string | null,
	title: string,
	description: string
): Subject => ({
	kind: 'opportunity',
	id,
	authorId: posterId,
	excerpt: `${title}\n${description}`,
	path: opportunityPath(id)
});

const ESCO_SKILL = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/;

/**
 * Skills as a poster typed them, one per line: an ESCO skill URI that is loaded, or a label
 * (preferred or alternative, in the poster's language or English) that names one exactly.
 * What names none comes back with the closest label to offer instead.
 */
export async function resolveSkills(db: Db, lines: string[], language: string) {
	const uris: string[] = [];
	const unknown: { line: string; suggestion: string | null }[] = [];
	const given = lines.filter((l) => ESCO_SKILL.test(l));
	const loaded = new Set(
		given.length
			? (
					await db
						.selectDistinct({ uri: escoConcept.uri })
						.from(escoConcept)
						.where(and(inArray(escoConcept.uri, given), eq(escoConcept.kind, 'skill')))
				).map((r) => r.uri)
			: []
	);
	for (const line of lines) {
		if (ESCO_SKILL.test(line)) {
			if (loaded.has(line)) uris.push(line);
			else unknown.push({ line, suggestion: null });
			continue;
		}
		const hits = await searchEsco(db, line, { language, kind: 'skill', limit: 5 });
		const key = searchKey(line);
		const exact = hits.find(
			(h) => searchKey(h.label) === key || (h.matched && searchKey(h.matched) === key)
		);
		if (exact) uris.push(exact.uri);
		else unknown.push({ line, suggestion: hits[0]?.label ?? null });
	}
	return { uris: [...new Set(uris)], unknown };
}

export const opportunitySearch = (title: string, description: string) =>
	sql`to_tsvector('simple', ${`${searchKey(title)} ${searchKey(description)}`})`;

/**
 * A member posts an opportunity, for themselves or for an organisation they work in. The form
 * is checked (a deadline after today, at most a year ahead; skills that ESCO names; languages
 * with a CEFR level); it waits for a moderator unless a moderator posted it. Nothing is stored
 * on any error.
 */
export async function postOpportunity(
	deps: OpportunityDeps,
	actor: Actor,
	raw: unknown,
	opts: {
		organisation?: string;
		/** Already reviewed: the demo seed, the generator. Routes never pass it. */
		reviewed?: boolean;
		demo?: boolean;
		now?: Date;
		skipLimit?: boolean;
	} = {}
): Promise<Result<{ id: string; waiting: boolean }>> {
	if (!actor) return failure('forbidden');
	const { db } = deps;
	const now = opts.now ?? new Date();
	const parsed = opportunityForm(now).safeParse(raw);
	const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
	// Skills are looked up even when another field is wrong: every mistake is said at once.
	const lines = (field: 'required' | 'optional') => {
		const v = (raw as Record<string, unknown> | null)?.[field];
		return typeof v === 'string' && !errors[field] ? splitSkillLines(v) : [];
	};
	const language = parsed.success ? parsed.data.language : 'en';
	const required = await resolveSkills(db, lines('required'), language);
	const optional = await resolveSkills(db, lines('optional'), language);
	if (required.unknown.length) errors.required ??= 'opportunity_error_skill_unknown';
	if (optional.unknown.length) errors.optional ??= 'opportunity_error_skill_unknown';
	if (!parsed.success || Object.keys(errors).length) return failure('invalid', errors);
	const input = parsed.data;
	let organisationId: string | null = null;
	if (opts.organisation) {
		const org = await organisationAccess(db, actor, { slug: opts.organisation });
		if (!org?.may('work')) return failure('not_found');
		organisationId = org.organisation.id;
	}
	if (!opts.skipLimit && !(await hitRateLimit(db, RULES.opportunitiesByAccount, actor.id)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const id = randomUUID();
	const waiting =
		!opts.reviewed &&
		!canOpportunity(actor, 'publish-at-once', {
			poster: true,
			held: false,
			open: true,
			applied: false
		});
	const essential = new Set(required.uris);
	await db.transaction(async (tx) => {
		await tx.insert(opportunity).values({
			id,
			type: input.type,
			title: input.title,
			description: input.description,
			language: input.language,
			workplace: input.workplace,
			countries: input.countries,
			origins: input.origins,
			required: required.uris,
			optional: optional.uris.filter((u) => !essential.has(u)),
			languages: input.languages,
			// Open through the whole last day, in UTC.
			deadline: new Date(`${input.deadline}T23:59:59.999Z`),
			pay: input.pay || null,
			posterId: actor.id,
			organisationId,
			search: opportunitySearch(input.title, input.description),
			createdAt: now,
			demo: opts.demo ?? false
		});
		const subject = opportunitySubject(id, actor.id, input.title, input.description);
		if (waiting) await holdForReview(tx, subject, 'review_post');
		await screenOnSave(tx, subject, `${input.title}\n${input.description}`);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'opportunity.post',
			subjectType: 'opportunity',
			subjectId: id,
			detail: { type: input.type, waiting, organisationId }
		});
	});
	return ok({ id, waiting });
}
