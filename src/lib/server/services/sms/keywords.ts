import { searchKey } from '../../search/normalise.ts';

export type SmsLocale = 'en' | 'fr' | 'es' | 'ar';
export const SMS_LOCALES: SmsLocale[] = ['en', 'fr', 'es', 'ar'];

/**
 * The words a text may use for each need of the default taxonomy, by language. The first word of
 * each list is the one the help text suggests, so it is short and in capitals-friendly Latin (or
 * Arabic). Matching is on search keys (no accents, no case, Arabic letter forms folded), and an
 * Arabic word also matches without its article ("الصحة" = "صحة").
 */
const NEED_WORDS: Record<string, Record<SmsLocale, string[]>> = {
	health: {
		en: ['health', 'doctor', 'clinic', 'hospital', 'medical', 'nurse'],
		fr: ['sante', 'medecin', 'docteur', 'clinique', 'hopital', 'soins'],
		es: ['salud', 'medico', 'doctor', 'clinica', 'hospital'],
		ar: ['صحة', 'صحي', 'طبيب', 'عيادة', 'مستشفى', 'علاج']
	},
	mhpss: {
		en: ['mind', 'mental', 'psychosocial', 'counselling', 'stress'],
		fr: ['psy', 'psychologue', 'psychosocial', 'mental', 'ecoute'],
		es: ['psico', 'psicologo', 'psicosocial', 'mental'],
		ar: ['نفسي', 'نفسية', 'إرشاد']
	},
	housing: {
		en: ['housing', 'shelter', 'house', 'home', 'homeless', 'night', 'bed'],
		fr: ['logement', 'hebergement', 'abri', 'maison', 'nuit', 'dormir'],
		es: ['vivienda', 'alojamiento', 'albergue', 'casa', 'dormir', 'piso'],
		ar: ['سكن', 'إيواء', 'مأوى', 'بيت', 'منزل']
	},
	legal: {
		en: ['legal', 'lawyer', 'law', 'papers', 'asylum', 'visa', 'documents'],
		fr: ['juridique', 'avocat', 'droit', 'papiers', 'asile', 'titre', 'sejour'],
		es: ['juridico', 'abogado', 'legal', 'papeles', 'asilo', 'extranjeria', 'documentos'],
		ar: ['قانوني', 'قانونية', 'محامي', 'لجوء', 'وثائق', 'أوراق', 'إقامة']
	},
	'social-protection': {
		en: ['social', 'benefits', 'welfare'],
		fr: ['social', 'sociale', 'aides', 'allocations'],
		es: ['social', 'prestaciones', 'ayudas'],
		ar: ['اجتماعية', 'اجتماعي', 'حماية']
	},
	employment: {
		en: ['work', 'job', 'jobs', 'employment', 'cv'],
		fr: ['emploi', 'travail', 'boulot', 'cv'],
		es: ['trabajo', 'empleo', 'curro', 'cv'],
		ar: ['عمل', 'وظيفة', 'شغل', 'توظيف']
	},
	'language-courses': {
		en: ['language', 'english', 'french', 'spanish', 'course', 'class'],
		fr: ['langue', 'francais', 'cours', 'alphabetisation'],
		es: ['idioma', 'idiomas', 'espanol', 'castellano', 'curso', 'clases'],
		ar: ['لغة', 'دروس', 'دورة']
	},
	'family-reunification': {
		en: ['family', 'reunification'],
		fr: ['famille', 'regroupement'],
		es: ['familia', 'reagrupacion'],
		ar: ['أسرة', 'عائلة', 'شمل']
	},
	children: {
		en: ['children', 'child', 'kids', 'baby'],
		fr: ['enfants', 'enfant', 'bebe'],
		es: ['ninos', 'nino', 'infancia', 'bebe'],
		ar: ['أطفال', 'طفل', 'طفولة']
	},
	education: {
		en: ['school', 'education', 'study', 'university'],
		fr: ['ecole', 'education', 'etudes', 'scolarite', 'universite'],
		es: ['escuela', 'educacion', 'estudios', 'colegio', 'universidad'],
		ar: ['تعليم', 'مدرسة', 'دراسة', 'جامعة']
	},
	gbv: {
		en: ['violence', 'abuse', 'gbv', 'women'],
		fr: ['violences', 'violence', 'femmes'],
		es: ['violencia', 'maltrato', 'mujeres'],
		ar: ['عنف', 'نساء', 'امرأة']
	},
	food: {
		en: ['food', 'meal', 'meals', 'eat'],
		fr: ['repas', 'alimentation', 'nourriture', 'manger', 'colis'],
		es: ['comida', 'alimentos', 'alimentacion', 'comer'],
		ar: ['طعام', 'غذاء', 'أكل', 'وجبة']
	},
	money: {
		en: ['money', 'bank', 'remittance', 'transfer'],
		fr: ['argent', 'banque', 'transfert'],
		es: ['dinero', 'banco', 'remesas', 'envio'],
		ar: ['مال', 'بنك', 'تحويل']
	},
	digital: {
		en: ['digital', 'internet', 'computer', 'wifi', 'phone'],
		fr: ['numerique', 'internet', 'ordinateur', 'wifi'],
		es: ['digital', 'internet', 'ordenador', 'wifi'],
		ar: ['رقمي', 'إنترنت', 'حاسوب', 'كمبيوتر']
	}
};

/** Whole texts that ask for the next services, or for help, in any of the four languages. */
const MORE_WORDS: Record<SmsLocale, string[]> = {
	en: ['more', 'next'],
	fr: ['plus', 'suite'],
	es: ['mas', 'siguiente'],
	ar: ['المزيد', 'مزيد', 'التالي']
};
const HELP_WORDS: Record<SmsLocale, string[]> = {
	en: ['help', 'hi', 'hello', 'info', 'menu'],
	fr: ['aide', 'bonjour', 'salut'],
	es: ['ayuda', 'hola', 'buenas'],
	ar: ['مساعدة', 'مرحبا', 'السلام', 'سلام']
};

/** Words between a need and a town ("logement à Lyon", "help in Dakar", "سكن في عمان"). */
export const LINK_WORDS = new Set(
	[
		'in',
		'at',
		'near',
		'for',
		'a',
		'au',
		'en',
		'de',
		'du',
		'la',
		'le',
		'el',
		'cerca',
		'pres',
		'في',
		'ب'
	].map(searchKey)
);

/** Arabic words are matched with and without their article. */
const bare = (key: string) => (/^ال\p{L}{2,}/u.test(key) ? key.slice(2) : key);

type Entry = { need: string; locale: SmsLocale };
const byWord = new Map<string, Entry[]>();
for (const [need, words] of Object.entries(NEED_WORDS))
	for (const locale of SMS_LOCALES)
		for (const word of words[locale]) {
			const key = bare(searchKey(word));
			const list = byWord.get(key) ?? [];
			if (!list.some((e) => e.need === need && e.locale === locale)) list.push({ need, locale });
			byWord.set(key, list);
		}

/** The needs (and the languages that word belongs to) a word of a text may name. */
export function needsOfWord(word: string): Entry[] {
	return byWord.get(bare(searchKey(word))) ?? [];
}

function commandOf(table: Record<SmsLocale, string[]>, key: string): SmsLocale | null {
	for (const locale of SMS_LOCALES)
		if (table[locale].some((w) => searchKey(w) === key)) return locale;
	return null;
}

export const moreCommand = (key: string) => commandOf(MORE_WORDS, key);
export const helpCommand = (key: string) => commandOf(HELP_WORDS, key);

/** The word a reply suggests for a need in a language ("LOGEMENT", "سكن"). */
export function needWord(need: string, locale: SmsLocale): string {
	return (NEED_WORDS[need]?.[locale][0] ?? need).toUpperCase();
}

/** The suggested word of every need, in the help text's order. */
export function allNeedWords(locale: SmsLocale): string[] {
	return Object.keys(NEED_WORDS).map((need) => needWord(need, locale));
}

/** What a MORE text is called in a language (the reply tells the reader to send it). */
export function moreWord(locale: SmsLocale): string {
	return MORE_WORDS[locale][0].toUpperCase();
}
