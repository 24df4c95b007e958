import { z } from 'zod';
import { hasHiddenCharacters, normaliseText } from '#lib/accounts/text-rules.ts';
import { ORGANISATION_KINDS } from '#lib/members/organisation-kinds.ts';
import { isCountryCode } from '#lib/members/codes.ts';

const shortText = (min: number, max: number, error: string) =>
	z
		.string()
		.max(max * 4, error)
		.refine((v) => !hasHiddenCharacters(v), error)
		.transform(normaliseText)
		.pipe(z.string().min(min, error).max(max, error));

export const SECTORS = [
	'education',
	'health',
	'housing',
	'legal',
	'employment',
	'entrepreneurship',
	'culture',
	'research',
	'humanitarian',
	'public_service'
] as const;

export const organisationForm = z.object({
	name: shortText(2, 120, 'error_org_name_invalid'),
	kind: z.enum(ORGANISATION_KINDS, { error: 'error_org_kind_invalid' }),
	description: z
		.string()
		.max(4000, 'error_description_too_long')
		.refine((v) => !/[\u202a-\u202e\u2066-\u2069]/.test(v), 'error_description_invalid')
		.transform((v) => v.replace(/\r\n/g, '\n').trim()),
	countries: z
		.array(z.string().refine(isCountryCode, 'error_country_invalid'))
		.max(20, 'error_country_invalid'),
	sectors: z.array(z.enum(SECTORS, { error: 'error_sector_invalid' })).max(10),
	website: z.union([
		z.literal(''),
		z
			.string()
			.max(300)
			.pipe(z.url({ protocol: /^https?$/, error: 'error_link_invalid' }))
	]),
	contentLocale: z.enum(['en', 'fr', 'es', 'ar'])
});
export type OrganisationInput = z.infer<typeof organisationForm>;
