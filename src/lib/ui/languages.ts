/** Each language named in itself, so a person finds their own whatever the page's language. */
export const LANGUAGE_NAMES: Record<string, string> = {
	en: 'English',
	fr: 'Français',
	es: 'Español',
	ar: 'العربية'
};
