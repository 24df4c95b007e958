import { z } from 'zod';
import { hasHiddenCharacters, normaliseText } from '#lib/accounts/text-rules.ts';
import { readableOnWhite } from './contrast.ts';

export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;

const colour = z
	.string()
	.trim()
	.regex(/^#[0-9a-fA-F]{6}$/, 'error_colour_invalid')
	.transform((v) => v.toLowerCase())
	// Refused rather than silently adjusted: the person choosing sees why and picks the shade.
	.refine(readableOnWhite, 'error_colour_contrast');

export const brandingForm = z.object({
	name: z
		.string()
		.max(240, 'error_platform_name_invalid')
		.refine((v) => !hasHiddenCharacters(v), 'error_platform_name_invalid')
		.transform(normaliseText)
		.pipe(z.string().min(1, 'error_platform_name_invalid').max(60, 'error_platform_name_invalid')),
	primary: colour,
	accent: colour,
	locales: z.array(z.enum(LOCALES)).min(1, 'error_languages_required')
});
export type BrandingInput = z.infer<typeof brandingForm>;

export type Branding = BrandingInput & {
	logo: { version: string; width: number; height: number } | null;
};

export const DEFAULT_BRANDING: Branding = {
	name: 'Passerelle',
	primary: '#1f5f8b',
	accent: '#b3541e',
	locales: [...LOCALES],
	logo: null
};
