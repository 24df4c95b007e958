import { FIELD_NAMES } from '#lib/members/profile.ts';

/**
 * Turns the profile form (plain HTML fields, no JavaScript) into the shape profileForm validates.
 * Empty rows are dropped; nothing here decides validity.
 */
export function profileFromForm(data: FormData) {
	const text = (name: string) => {
		const v = data.get(name);
		return typeof v === 'string' ? v : '';
	};
	const all = (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string');
	const rows = (count: number, build: (i: number) => Record<string, string> | null) =>
		Array.from({ length: count }, (_, i) => build(i)).filter((r) => r !== null);
	return {
		name: text('name'),
		headline: text('headline'),
		city: text('city'),
		bio: text('bio'),
		residence: text('residence'),
		origin: [...new Set(all('origin').filter(Boolean))],
		languages: rows(5, (i) =>
			text(`language_${i}`) ? { code: text(`language_${i}`), level: text(`level_${i}`) } : null
		),
		expertise: [...new Set(all('expertise').filter(Boolean))],
		interests: text('interests')
			.split(/[,،\n]/)
			.map((s) => s.trim())
			.filter(Boolean),
		links: rows(3, (i) =>
			text(`link_url_${i}`).trim()
				? { url: text(`link_url_${i}`).trim(), label: text(`link_label_${i}`) }
				: null
		),
		contentLocale: text('contentLocale'),
		listed: text('listed'),
		visibility: Object.fromEntries(FIELD_NAMES.map((f) => [f, text(`vis_${f}`)]))
	};
}
