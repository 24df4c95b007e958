/** How many countries, origins and languages the form offers (no JavaScript: fixed rows). */
export const FORM_ROWS = 3;

const FIELDS = [
	'type',
	'title',
	'description',
	'language',
	'workplace',
	'required',
	'optional',
	'deadline',
	'pay',
	'organisation'
];

/** The opportunity form as typed: flat strings, to show again on an error. */
export function opportunityValues(text: (name: string) => string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of FIELDS) out[f] = text(f);
	for (let i = 0; i < FORM_ROWS; i++)
		for (const f of ['country', 'origin', 'need', 'level']) out[`${f}-${i}`] = text(`${f}-${i}`);
	return out;
}

/** The typed values as the form's schema reads them (empty rows left out). */
export function opportunityInput(v: Record<string, string>) {
	const rows = (f: string) =>
		Array.from({ length: FORM_ROWS }, (_, i) => v[`${f}-${i}`] ?? '').filter(Boolean);
	const languages = Array.from({ length: FORM_ROWS }, (_, i) => ({
		code: v[`need-${i}`] ?? '',
		level: v[`level-${i}`] ?? ''
	})).filter((l) => l.code || l.level);
	return {
		type: v.type,
		title: v.title,
		description: v.description,
		language: v.language,
		workplace: v.workplace,
		countries: rows('country'),
		origins: rows('origin'),
		required: v.required,
		optional: v.optional,
		languages,
		deadline: v.deadline,
		pay: v.pay
	};
}
