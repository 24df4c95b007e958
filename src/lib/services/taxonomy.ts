/**
 * Passerelle's default taxonomy of services for migrants (HSDS taxonomy with fixed ids, so every
 * deployment and every export names the same needs the same way).
 */
export const DEFAULT_TAXONOMY = {
	id: '5b0f2a3e-6c1d-4e8a-9f3b-000000000001',
	name: 'Passerelle migrant services',
	description: 'Needs of migrants and the services that meet them.',
	uri: 'https://passerelle.example/taxonomy/migrant-services',
	version: '1'
} as const;

type Term = { code: string; id: string; labels: Record<'en' | 'fr' | 'es' | 'ar', string> };

const term = (n: number, code: string, labels: Term['labels']): Term => ({
	code,
	id: `5b0f2a3e-6c1d-4e8a-9f3b-${String(100 + n).padStart(12, '0')}`,
	labels
});

export const DEFAULT_TERMS: Term[] = [
	term(1, 'education', { en: 'Education', fr: 'Éducation', es: 'Educación', ar: 'التعليم' }),
	term(2, 'health', { en: 'Health', fr: 'Santé', es: 'Salud', ar: 'الصحة' }),
	term(3, 'mhpss', {
		en: 'Mental health and psychosocial support',
		fr: 'Santé mentale et soutien psychosocial',
		es: 'Salud mental y apoyo psicosocial',
		ar: 'الصحة النفسية والدعم النفسي الاجتماعي'
	}),
	term(4, 'housing', {
		en: 'Housing and shelter',
		fr: 'Logement et hébergement',
		es: 'Vivienda y alojamiento',
		ar: 'السكن والإيواء'
	}),
	term(5, 'legal', {
		en: 'Legal aid and documentation',
		fr: 'Aide juridique et papiers',
		es: 'Asistencia jurídica y documentación',
		ar: 'المساعدة القانونية والوثائق'
	}),
	term(6, 'social-protection', {
		en: 'Social protection',
		fr: 'Protection sociale',
		es: 'Protección social',
		ar: 'الحماية الاجتماعية'
	}),
	term(7, 'employment', { en: 'Employment', fr: 'Emploi', es: 'Empleo', ar: 'العمل' }),
	term(8, 'language-courses', {
		en: 'Language courses',
		fr: 'Cours de langue',
		es: 'Cursos de idiomas',
		ar: 'دورات اللغة'
	}),
	term(9, 'family-reunification', {
		en: 'Family reunification',
		fr: 'Regroupement familial',
		es: 'Reagrupación familiar',
		ar: 'لمّ شمل الأسرة'
	}),
	term(10, 'children', { en: 'Children', fr: 'Enfants', es: 'Infancia', ar: 'الأطفال' }),
	term(11, 'gbv', {
		en: 'Gender-based violence',
		fr: 'Violences basées sur le genre',
		es: 'Violencia de género',
		ar: 'العنف القائم على النوع الاجتماعي'
	}),
	term(12, 'food', { en: 'Food', fr: 'Alimentation', es: 'Alimentación', ar: 'الغذاء' }),
	term(13, 'money', {
		en: 'Money and remittances',
		fr: 'Argent et transferts',
		es: 'Dinero y remesas',
		ar: 'المال والتحويلات'
	}),
	term(14, 'digital', {
		en: 'Digital access',
		fr: 'Accès numérique',
		es: 'Acceso digital',
		ar: 'الوصول الرقمي'
	})
];
