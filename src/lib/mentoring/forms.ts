import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';
import { isCountryCode, isLanguageCode } from '#lib/members/codes.ts';
import { LANGUAGE_LEVELS } from '#lib/skills/forms.ts';

/**
 * Mentoring programmes an organisation runs (docs/decisions/0037): members helping members,
 * professionals twinned with newcomers of their trade, diaspora experts mentoring newcomers.
 */
export const PROGRAMME_KINDS = ['peer', 'twinning', 'diaspora_experts'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const MENTORING_ROLES = ['mentor', 'mentee'] as const;
export type MentoringRole = (typeof MENTORING_ROLES)[number];

/** Hours from UTC a person can be in: the offsets the world uses, whole hours. */
export const UTC_OFFSETS = Array.from({ length: 27 }, (_, i) => i - 12);

export const programmeForm = z.object({
	title: userText(5, 150, 'mentoring_error_title'),
	description: userText(20, 5000, 'mentoring_error_description'),
	kind: z.enum(PROGRAMME_KINDS, { error: 'mentoring_error_kind' }),
	language: z.enum(['en', 'fr', 'es', 'ar'], { error: 'referral_error_language_invalid' }),
	reminderDays: z.coerce
		.number({ error: 'mentoring_error_reminder' })
		.int({ error: 'mentoring_error_reminder' })
		.min(3, { error: 'mentoring_error_reminder' })
		.max(60, { error: 'mentoring_error_reminder' })
		.default(14)
});
export type ProgrammeInput = z.infer<typeof programmeForm>;

const languageRow = z.object({
	code: z.string().trim().toLowerCase().refine(isLanguageCode, { error: 'skills_error_language' }),
	level: z.enum(LANGUAGE_LEVELS, { error: 'skills_error_level' })
});

/** A mentor's or a mentee's application: what they bring or seek, where and when they are. */
export const mentoringApplicationForm = z.object({
	role: z.enum(MENTORING_ROLES, { error: 'mentoring_error_role' }),
	goals: userText(10, 2000, 'mentoring_error_goals'),
	skills: z.string().default(''),
	languages: z.array(languageRow).min(1, { error: 'mentoring_error_languages' }).max(3),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.refine((v) => v === '' || isCountryCode(v), { error: 'error_country_invalid' })
		.default(''),
	utcOffset: z.coerce
		.number({ error: 'mentoring_error_time_zone' })
		.int({ error: 'mentoring_error_time_zone' })
		.min(-12, { error: 'mentoring_error_time_zone' })
		.max(14, { error: 'mentoring_error_time_zone' }),
	availability: userText(3, 200, 'mentoring_error_availability'),
	capacity: z.coerce
		.number({ error: 'mentoring_error_capacity' })
		.int({ error: 'mentoring_error_capacity' })
		.min(1, { error: 'mentoring_error_capacity' })
		.max(5, { error: 'mentoring_error_capacity' })
		.default(1)
});

export const sessionForm = z.object({
	day: z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'mentoring_error_day' })
		.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: 'mentoring_error_day' }),
	minutes: z.coerce
		.number({ error: 'mentoring_error_minutes' })
		.int({ error: 'mentoring_error_minutes' })
		.min(5, { error: 'mentoring_error_minutes' })
		.max(600, { error: 'mentoring_error_minutes' }),
	notes: z
		.string()
		.transform((s) => s.trim())
		.pipe(z.string().max(3000, { error: 'mentoring_error_notes' }))
		.default('')
});

export const goalForm = z.object({ title: userText(3, 200, 'mentoring_error_goal') });

export const feedbackForm = z.object({
	rating: z.coerce
		.number({ error: 'mentoring_error_rating' })
		.int({ error: 'mentoring_error_rating' })
		.min(1, { error: 'mentoring_error_rating' })
		.max(5, { error: 'mentoring_error_rating' }),
	comment: z
		.string()
		.transform((s) => s.trim())
		.pipe(z.string().max(2000, { error: 'mentoring_error_notes' }))
		.default('')
});
