/** Languages offered as choices for services: the platform's four and those most asked for by migrants. */
export const SERVICE_LANGUAGES = [
	'ar',
	'en',
	'fr',
	'es',
	'fa',
	'ps',
	'uk',
	'ru',
	'ti',
	'so',
	'ku',
	'tr',
	'ur',
	'bn',
	'pt',
	'sw',
	'am',
	'ha',
	'wo',
	'zh'
];
