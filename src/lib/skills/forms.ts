import { z } from 'zod';
import { userText } from '#lib/forms/user-text.ts';
import { isCountryCode, isLanguageCode } from '#lib/members/codes.ts';

/**
 * A skills profile's entries (docs/decisions/0035), as the EU Skills Profile Tool for Third
 * Country Nationals groups them: occupations and skills (ESCO concepts), qualifications, work
 * experience, and languages with their CEFR level.
 */
export const SKILL_ENTRY_KINDS = [
	'occupation',
	'skill',
	'qualification',
	'experience',
	'language'
] as const;
export type SkillEntryKind = (typeof SKILL_ENTRY_KINDS)[number];

/** Common European Framework of Reference levels, and a first language above them. */
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

/** At most this many entries of one kind: a profile stays one a person can read through. */
export const MAX_ENTRIES_PER_KIND = 50;

const MONTH = /^(19[5-9]\d|20\d\d)-(0[1-9]|1[0-2])$/;
const country = z
	.string()
	.trim()
	.toUpperCase()
	.refine((v) => v === '' || isCountryCode(v), { error: 'error_country_invalid' })
	.default('');
const month = z
	.string()
	.trim()
	.refine((v) => v === '' || MONTH.test(v), { error: 'skills_error_month' })
	.default('');
const optionalText = (max: number) =>
	z
		.string()
		.transform((s) => s.trim())
		.pipe(z.string().max(max, { error: 'skills_error_too_long' }))
		.default('');

/** An ESCO concept, by its URI (checked against the loaded concepts on save). */
export const conceptEntry = z.object({
	uri: z
		.string()
		.trim()
		.regex(/^http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/[0-9a-f-]{36}$/, {
			error: 'skills_error_concept'
		})
});

export const qualificationEntry = z.object({
	title: userText(2, 200, 'skills_error_title'),
	place: optionalText(200),
	country,
	ended: month
});

export const experienceEntry = z
	.object({
		title: userText(2, 200, 'skills_error_title'),
		place: optionalText(200),
		country,
		started: month.refine((v) => v !== '', { error: 'skills_error_month' }),
		ended: month
	})
	.refine((e) => !e.ended || e.ended >= e.started, {
		error: 'skills_error_dates',
		path: ['ended']
	});

export const languageEntry = z.object({
	language: z
		.string()
		.trim()
		.toLowerCase()
		.refine((v) => isLanguageCode(v), { error: 'skills_error_language' }),
	level: z.enum(LANGUAGE_LEVELS, { error: 'skills_error_level' })
});

export type SkillEntryInput =
	| ({ kind: 'occupation' | 'skill' } & z.infer<typeof conceptEntry>)
	| ({ kind: 'qualification' } & z.infer<typeof qualificationEntry>)
	| ({ kind: 'experience' } & z.infer<typeof experienceEntry>)
	| ({ kind: 'language' } & z.infer<typeof languageEntry>);

/** The form for each kind of entry. */
export function entrySchema(kind: SkillEntryKind) {
	switch (kind) {
		case 'occupation':
		case 'skill':
			return conceptEntry;
		case 'qualification':
			return qualificationEntry;
		case 'experience':
			return experienceEntry;
		case 'language':
			return languageEntry;
	}
}
