import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';
import { isCountryCode, isLanguageCode } from '#lib/members/codes.ts';
import { LANGUAGE_LEVELS } from '#lib/skills/forms.ts';

/**
 * What can be offered or asked (docs/decisions/0036): work, learning at work, giving time, a
 * diaspora expert's mission to a country of origin, money or partners for a project, a call.
 */
export const OPPORTUNITY_TYPES = [
	'job',
	'internship',
	'apprenticeship',
	'volunteering',
	'skills_transfer',
	'investment',
	'entrepreneurship',
	'call_for_proposals'
] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export const WORK_PLACES = ['on_site', 'remote', 'hybrid'] as const;
export type WorkPlace = (typeof WORK_PLACES)[number];

/** Where an applicant stands; the poster moves them along, a declined one with a kind reason. */
export const APPLICATION_STATUSES = ['new', 'shortlisted', 'accepted', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Why someone was declined, in words chosen to be kind: the poster picks one, never free text. */
export const DECLINE_REASONS = ['filled', 'other_profile', 'skills', 'language', 'closed'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Applying (with a message and, if they wish, the skills profile) or only saying one is interested. */
export const APPLICATION_KINDS = ['apply', 'interest'] as const;

export const MAX_DESCRIPTION = 10_000;
export const MAX_SKILLS = 20;
/** A deadline is at most this far ahead: a post nobody closes does not stay forever. */
export const MAX_DEADLINE_DAYS = 366;

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A day that exists: 2027-02-30 does not. */
const isDay = (v: string) => {
	const t = Date.parse(`${v}T00:00:00Z`);
	return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
};

const codes = (check: (c: string) => boolean, error: string, max: number) =>
	z
		.array(z.string())
		.default([])
		.transform((l) => [...new Set(l.map((c) => c.trim().toUpperCase()).filter(Boolean))])
		.pipe(z.array(z.string().refine(check, { error })).max(max, { error }));

/** The lines of a skills box, trimmed, without empty ones or repeats. */
export const splitSkillLines = (s: string) => [
	...new Set(
		s
			.split(/\r?\n/)
			.map((l) => l.trim())
			.filter(Boolean)
	)
];

/** Skills as typed, one per line: an ESCO URI or a label in any loaded language (resolved on save). */
const skillLines = z
	.string()
	.default('')
	.transform(splitSkillLines)
	.pipe(
		z
			.array(z.string().max(200, { error: 'opportunity_error_skill_unknown' }))
			.max(MAX_SKILLS, { error: 'opportunity_error_skills_many' })
	);

const languageNeed = z.object({
	code: z.string().trim().toLowerCase().refine(isLanguageCode, { error: 'skills_error_language' }),
	level: z.enum(LANGUAGE_LEVELS, { error: 'skills_error_level' })
});

/** The opportunity form; `today` is the first day a deadline may not be (it must be later). */
export function opportunityForm(today: Date) {
	const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
	return z.object({
		type: z.enum(OPPORTUNITY_TYPES, { error: 'opportunity_error_type' }),
		title: userText(5, 150, 'opportunity_error_title'),
		description: userText(20, MAX_DESCRIPTION, 'opportunity_error_description'),
		language: z.enum(['en', 'fr', 'es', 'ar'], { error: 'referral_error_language_invalid' }),
		workplace: z.enum(WORK_PLACES, { error: 'opportunity_error_workplace' }),
		countries: codes(isCountryCode, 'error_country_invalid', 5),
		origins: codes(isCountryCode, 'error_country_invalid', 5),
		required: skillLines,
		optional: skillLines,
		languages: z.array(languageNeed).max(3).default([]),
		deadline: z
			.string()
			.trim()
			.refine((v) => DATE.test(v) && isDay(v), {
				error: 'opportunity_error_deadline'
			})
			.refine((v) => Date.parse(`${v}T00:00:00Z`) > first.getTime(), {
				error: 'opportunity_error_deadline_past'
			})
			.refine((v) => Date.parse(`${v}T00:00:00Z`) <= first.getTime() + MAX_DEADLINE_DAYS * DAY, {
				error: 'opportunity_error_deadline_far'
			}),
		pay: z
			.string()
			.transform((s) => s.trim())
			.pipe(z.string().max(100, { error: 'opportunity_error_pay' }))
			.default('')
	});
}
export type OpportunityInput = z.infer<ReturnType<typeof opportunityForm>>;

export const applicationForm = z.object({
	kind: z.enum(APPLICATION_KINDS, { error: 'error_generic' }).default('apply'),
	message: userText(10, 3000, 'opportunity_error_message'),
	shareProfile: z.boolean().default(false)
});

export const decisionForm = z
	.object({
		status: z.enum(APPLICATION_STATUSES, { error: 'error_generic' }),
		reason: z.enum(DECLINE_REASONS, { error: 'opportunity_error_reason' }).optional()
	})
	.refine((d) => d.status !== 'declined' || !!d.reason, {
		error: 'opportunity_error_reason',
		path: ['reason']
	});

export const applicationMessageForm = z.object({
	body: userText(1, 3000, 'opportunity_error_message')
});

/** The list's filters, from a query string (pages and the API): unknown values are errors in the API. */
export const opportunityQuery = z.object({
	q: z.string().max(100).optional(),
	type: z.enum(OPPORTUNITY_TYPES).optional(),
	country: z.string().toUpperCase().refine(isCountryCode).optional(),
	skill: z
		.string()
		.regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/)
		.optional(),
	language: z.string().toLowerCase().refine(isLanguageCode).optional(),
	deadline_after: z.string().regex(DATE).optional(),
	page: z.coerce.number().int().min(1).max(1000).default(1)
});
export type OpportunityQuery = z.infer<typeof opportunityQuery>;

/** The list page's filters, from its query string: unknown values are dropped, not errors. */
export function opportunityFilters(params: URLSearchParams) {
	const one = <K extends keyof OpportunityQuery>(key: K) => {
		const parsed = opportunityQuery.shape[key].safeParse(params.get(key) || undefined);
		return parsed.success ? (parsed.data as OpportunityQuery[K]) : undefined;
	};
	return {
		q: (params.get('q') ?? '').slice(0, 100),
		type: one('type'),
		country: one('country'),
		skill: one('skill'),
		language: one('language'),
		deadlineAfter: one('deadline_after'),
		page: one('page') ?? 1
	};
}
