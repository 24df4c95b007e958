// ISO 3166-1 alpha-2 country codes and ISO 639-1 language codes (names come from Intl.DisplayNames
// in the reader's language, so no name tables are shipped).
export const COUNTRY_CODES: readonly string[] = (
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
	'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
	'DO DY DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR ' +
	'GS GT GU GW GY HK HM HN HR HT HU HV ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI ' +
	'KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
	'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NH NI NL NO NP NR NU NZ OM PA PE PF PG PH ' +
	'PK PL PM PN PR PS PT PW PY QA RE RH RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO ' +
	'SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA ' +
	'VC VD VE VG VI VN VU WF WS YD YE YT ZA ZM ZW '
)
	.trim()
	.split(' ');

export const LANGUAGE_CODES: readonly string[] = (
	'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv ' +
	'cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ' +
	'ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ' +
	'ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng ' +
	'nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk ' +
	'sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve ' +
	'vi vo wa wo xh yi yo za zh zu '
)
	.trim()
	.split(' ');

const countries = new Set(COUNTRY_CODES);
const languages = new Set(LANGUAGE_CODES);
export const isCountryCode = (code: string) => countries.has(code);
export const isLanguageCode = (code: string) => languages.has(code);

/** Country and language names in the reader's language, sorted for a select. */
export function countryOptions(locale: string) {
	const names = new Intl.DisplayNames([locale], { type: 'region' });
	return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
		a.name.localeCompare(b.name, locale)
	);
}

export function languageOptions(locale: string) {
	const names = new Intl.DisplayNames([locale], { type: 'language' });
	return LANGUAGE_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
		a.name.localeCompare(b.name, locale)
	);
}

// Building an Intl.DisplayNames costs more than a lookup: one per language and kind, kept.
const displayNames = new Map<string, Intl.DisplayNames>();
function names(locale: string, type: 'region' | 'language') {
	const key = `${type}:${locale}`;
	let n = displayNames.get(key);
	if (!n) {
		n = new Intl.DisplayNames([locale], { type });
		displayNames.set(key, n);
	}
	return n;
}

export function countryName(code: string, locale: string) {
	try {
		return names(locale, 'region').of(code) ?? code;
	} catch {
		return code;
	}
}

export function languageName(code: string, locale: string) {
	try {
		return names(locale, 'language').of(code) ?? code;
	} catch {
		return code;
	}
}
