import { SERVICE_LANGUAGES } from '#lib/services/languages.ts';

/**
 * What the service generator writes with: real cities (centres, IANA time zones, languages,
 * currencies), service names and texts per need in four languages, people's names. Data only; the
 * generator is generate-services.ts.
 */
export type Locale = 'en' | 'fr' | 'es' | 'ar';
// In jsonb's key order, so translations are indexed in the order a stored row reads them back.
export const LOCALES: Locale[] = ['ar', 'en', 'es', 'fr'];
export type ByLocale<T> = Record<Locale, T>;

export type City = {
	name: string;
	ar: string;
	country: string;
	lat: number;
	lon: number;
	timeZone: string;
	/** Language the local organisations write in (one of the interface languages). */
	locale: Locale;
	/** Language spoken at the desk besides the visitors' ones. */
	lang: string;
	currency: string;
	/** Working week Sunday to Thursday. */
	sundayWeek?: boolean;
};

const city = (
	name: string,
	ar: string,
	country: string,
	lat: number,
	lon: number,
	timeZone: string,
	locale: Locale,
	lang: string,
	currency: string,
	sundayWeek = false
): City => ({ name, ar, country, lat, lon, timeZone, locale, lang, currency, sundayWeek });

/** Real cities where migrants arrive or pass through, with their centres and time zones. */
export const CITIES: City[] = [
	city('Paris', 'باريس', 'FR', 48.8566, 2.3522, 'Europe/Paris', 'fr', 'fr', 'EUR'),
	city('Lyon', 'ليون', 'FR', 45.764, 4.8357, 'Europe/Paris', 'fr', 'fr', 'EUR'),
	city('Marseille', 'مرسيليا', 'FR', 43.2965, 5.3698, 'Europe/Paris', 'fr', 'fr', 'EUR'),
	city('Lille', 'ليل', 'FR', 50.6292, 3.0573, 'Europe/Paris', 'fr', 'fr', 'EUR'),
	city('Toulouse', 'تولوز', 'FR', 43.6047, 1.4442, 'Europe/Paris', 'fr', 'fr', 'EUR'),
	city('Bruxelles', 'بروكسل', 'BE', 50.8503, 4.3517, 'Europe/Brussels', 'fr', 'fr', 'EUR'),
	city('Genève', 'جنيف', 'CH', 46.2044, 6.1432, 'Europe/Zurich', 'fr', 'fr', 'CHF'),
	city('Madrid', 'مدريد', 'ES', 40.4168, -3.7038, 'Europe/Madrid', 'es', 'es', 'EUR'),
	city('Barcelona', 'برشلونة', 'ES', 41.3874, 2.1686, 'Europe/Madrid', 'es', 'es', 'EUR'),
	city('Valencia', 'بلنسية', 'ES', 39.4699, -0.3763, 'Europe/Madrid', 'es', 'es', 'EUR'),
	city('Sevilla', 'إشبيلية', 'ES', 37.3891, -5.9845, 'Europe/Madrid', 'es', 'es', 'EUR'),
	city('Berlin', 'برلين', 'DE', 52.52, 13.405, 'Europe/Berlin', 'en', 'de', 'EUR'),
	city('Hamburg', 'هامبورغ', 'DE', 53.5511, 9.9937, 'Europe/Berlin', 'en', 'de', 'EUR'),
	city('München', 'ميونخ', 'DE', 48.1351, 11.582, 'Europe/Berlin', 'en', 'de', 'EUR'),
	city('Wien', 'فيينا', 'AT', 48.2082, 16.3738, 'Europe/Vienna', 'en', 'de', 'EUR'),
	city('Amsterdam', 'أمستردام', 'NL', 52.3676, 4.9041, 'Europe/Amsterdam', 'en', 'nl', 'EUR'),
	city('Roma', 'روما', 'IT', 41.9028, 12.4964, 'Europe/Rome', 'en', 'it', 'EUR'),
	city('Milano', 'ميلانو', 'IT', 45.4642, 9.19, 'Europe/Rome', 'en', 'it', 'EUR'),
	city('Palermo', 'باليرمو', 'IT', 38.1157, 13.3615, 'Europe/Rome', 'en', 'it', 'EUR'),
	city('Athens', 'أثينا', 'GR', 37.9838, 23.7275, 'Europe/Athens', 'en', 'el', 'EUR'),
	city('Lisboa', 'لشبونة', 'PT', 38.7223, -9.1393, 'Europe/Lisbon', 'en', 'pt', 'EUR'),
	city('London', 'لندن', 'GB', 51.5072, -0.1276, 'Europe/London', 'en', 'en', 'GBP'),
	city('Dublin', 'دبلن', 'IE', 53.3498, -6.2603, 'Europe/Dublin', 'en', 'en', 'EUR'),
	city('Stockholm', 'ستوكهولم', 'SE', 59.3293, 18.0686, 'Europe/Stockholm', 'en', 'sv', 'SEK'),
	city('Malmö', 'مالمو', 'SE', 55.605, 13.0038, 'Europe/Stockholm', 'en', 'sv', 'SEK'),
	city('Warszawa', 'وارسو', 'PL', 52.2297, 21.0122, 'Europe/Warsaw', 'en', 'pl', 'PLN'),
	city('İstanbul', 'إسطنبول', 'TR', 41.0082, 28.9784, 'Europe/Istanbul', 'en', 'tr', 'TRY'),
	city('Gaziantep', 'غازي عنتاب', 'TR', 37.0662, 37.3833, 'Europe/Istanbul', 'ar', 'tr', 'TRY'),
	city('Amman', 'عمّان', 'JO', 31.9539, 35.9106, 'Asia/Amman', 'ar', 'ar', 'JOD', true),
	city('Irbid', 'إربد', 'JO', 32.5556, 35.85, 'Asia/Amman', 'ar', 'ar', 'JOD', true),
	city('Zarqa', 'الزرقاء', 'JO', 32.0728, 36.088, 'Asia/Amman', 'ar', 'ar', 'JOD', true),
	city('Beirut', 'بيروت', 'LB', 33.8938, 35.5018, 'Asia/Beirut', 'ar', 'ar', 'USD'),
	city('Tripoli', 'طرابلس', 'LB', 34.4367, 35.8497, 'Asia/Beirut', 'ar', 'ar', 'USD'),
	city('Erbil', 'أربيل', 'IQ', 36.1911, 44.0092, 'Asia/Baghdad', 'ar', 'ku', 'IQD', true),
	city('Baghdad', 'بغداد', 'IQ', 33.3152, 44.3661, 'Asia/Baghdad', 'ar', 'ar', 'IQD', true),
	city('Cairo', 'القاهرة', 'EG', 30.0444, 31.2357, 'Africa/Cairo', 'ar', 'ar', 'EGP', true),
	city('Alexandria', 'الإسكندرية', 'EG', 31.2001, 29.9187, 'Africa/Cairo', 'ar', 'ar', 'EGP', true),
	city('Dubai', 'دبي', 'AE', 25.2048, 55.2708, 'Asia/Dubai', 'ar', 'ar', 'AED'),
	city(
		'Casablanca',
		'الدار البيضاء',
		'MA',
		33.5731,
		-7.5898,
		'Africa/Casablanca',
		'fr',
		'ar',
		'MAD'
	),
	city('Rabat', 'الرباط', 'MA', 34.0209, -6.8416, 'Africa/Casablanca', 'fr', 'ar', 'MAD'),
	city('Tunis', 'تونس', 'TN', 36.8065, 10.1815, 'Africa/Tunis', 'fr', 'ar', 'TND'),
	city('Dakar', 'داكار', 'SN', 14.7167, -17.4677, 'Africa/Dakar', 'fr', 'wo', 'XOF'),
	city('Abidjan', 'أبيدجان', 'CI', 5.36, -4.0083, 'Africa/Abidjan', 'fr', 'fr', 'XOF'),
	city('Niamey', 'نيامي', 'NE', 13.5116, 2.1254, 'Africa/Niamey', 'fr', 'ha', 'XOF'),
	city('Lagos', 'لاغوس', 'NG', 6.5244, 3.3792, 'Africa/Lagos', 'en', 'yo', 'NGN'),
	city('Nairobi', 'نيروبي', 'KE', -1.2921, 36.8219, 'Africa/Nairobi', 'en', 'sw', 'KES'),
	city('Kampala', 'كمبالا', 'UG', 0.3476, 32.5825, 'Africa/Kampala', 'en', 'lg', 'UGX'),
	city('Addis Ababa', 'أديس أبابا', 'ET', 9.03, 38.74, 'Africa/Addis_Ababa', 'en', 'am', 'ETB'),
	city(
		'Johannesburg',
		'جوهانسبرغ',
		'ZA',
		-26.2041,
		28.0473,
		'Africa/Johannesburg',
		'en',
		'zu',
		'ZAR'
	),
	city('Montréal', 'مونتريال', 'CA', 45.5019, -73.5674, 'America/Toronto', 'fr', 'fr', 'CAD'),
	city('Toronto', 'تورونتو', 'CA', 43.6532, -79.3832, 'America/Toronto', 'en', 'en', 'CAD'),
	city('Vancouver', 'فانكوفر', 'CA', 49.2827, -123.1207, 'America/Vancouver', 'en', 'en', 'CAD'),
	city('New York', 'نيويورك', 'US', 40.7128, -74.006, 'America/New_York', 'en', 'en', 'USD'),
	city('Chicago', 'شيكاغو', 'US', 41.8781, -87.6298, 'America/Chicago', 'en', 'en', 'USD'),
	city('Houston', 'هيوستن', 'US', 29.7604, -95.3698, 'America/Chicago', 'en', 'es', 'USD'),
	city(
		'Los Angeles',
		'لوس أنجلوس',
		'US',
		34.0522,
		-118.2437,
		'America/Los_Angeles',
		'en',
		'es',
		'USD'
	),
	city('Miami', 'ميامي', 'US', 25.7617, -80.1918, 'America/New_York', 'en', 'es', 'USD'),
	city(
		'Ciudad de México',
		'مكسيكو سيتي',
		'MX',
		19.4326,
		-99.1332,
		'America/Mexico_City',
		'es',
		'es',
		'MXN'
	),
	city('Tijuana', 'تيخوانا', 'MX', 32.5149, -117.0382, 'America/Tijuana', 'es', 'es', 'MXN'),
	city('Bogotá', 'بوغوتا', 'CO', 4.711, -74.0721, 'America/Bogota', 'es', 'es', 'COP'),
	city('Cúcuta', 'كوكوتا', 'CO', 7.8939, -72.5078, 'America/Bogota', 'es', 'es', 'COP'),
	city('Quito', 'كيتو', 'EC', -0.1807, -78.4678, 'America/Guayaquil', 'es', 'es', 'USD'),
	city('Lima', 'ليما', 'PE', -12.0464, -77.0428, 'America/Lima', 'es', 'es', 'PEN'),
	city('Santiago', 'سانتياغو', 'CL', -33.4489, -70.6693, 'America/Santiago', 'es', 'es', 'CLP'),
	city(
		'Buenos Aires',
		'بوينس آيرس',
		'AR',
		-34.6037,
		-58.3816,
		'America/Argentina/Buenos_Aires',
		'es',
		'es',
		'ARS'
	),
	city('São Paulo', 'ساو باولو', 'BR', -23.5505, -46.6333, 'America/Sao_Paulo', 'en', 'pt', 'BRL'),
	city('Dhaka', 'دكا', 'BD', 23.8103, 90.4125, 'Asia/Dhaka', 'en', 'bn', 'BDT'),
	city('Islamabad', 'إسلام آباد', 'PK', 33.6844, 73.0479, 'Asia/Karachi', 'en', 'ur', 'PKR'),
	city('Delhi', 'دلهي', 'IN', 28.6139, 77.209, 'Asia/Kolkata', 'en', 'hi', 'INR'),
	city('Kuala Lumpur', 'كوالالمبور', 'MY', 3.139, 101.6869, 'Asia/Kuala_Lumpur', 'en', 'ms', 'MYR'),
	city('Bangkok', 'بانكوك', 'TH', 13.7563, 100.5018, 'Asia/Bangkok', 'en', 'th', 'THB'),
	city('Jakarta', 'جاكرتا', 'ID', -6.2088, 106.8456, 'Asia/Jakarta', 'en', 'id', 'IDR'),
	city('Manila', 'مانيلا', 'PH', 14.5995, 120.9842, 'Asia/Manila', 'en', 'tl', 'PHP'),
	city('Seoul', 'سيول', 'KR', 37.5665, 126.978, 'Asia/Seoul', 'en', 'ko', 'KRW'),
	city('Tokyo', 'طوكيو', 'JP', 35.6762, 139.6503, 'Asia/Tokyo', 'en', 'ja', 'JPY')
];

/** Languages newcomers speak, offered at some desks besides the local one. */
export const VISITOR_LANGUAGES = SERVICE_LANGUAGES;

export type NeedTexts = { names: ByLocale<string[]>; description: ByLocale<string> };

/** Service names and descriptions per need; `{city}` is replaced by the city's name. */
export const NEEDS: Record<string, NeedTexts> = {
	education: {
		names: {
			en: ['School enrolment support', 'Adult education and diploma recognition', 'Homework club'],
			fr: [
				"Aide à l'inscription scolaire",
				'Formation des adultes et équivalence des diplômes',
				'Aide aux devoirs'
			],
			es: [
				'Apoyo a la escolarización',
				'Educación de adultos y homologación de títulos',
				'Refuerzo escolar'
			],
			ar: ['دعم التسجيل في المدارس', 'تعليم الكبار ومعادلة الشهادات', 'نادي الواجبات المدرسية']
		},
		description: {
			en: 'Help with enrolling children in school, recognising diplomas and finding courses in {city}.',
			fr: "Aide pour inscrire les enfants à l'école, faire reconnaître les diplômes et trouver une formation à {city}.",
			es: 'Ayuda para escolarizar a los niños, homologar títulos y encontrar formación en {city}.',
			ar: 'مساعدة في تسجيل الأطفال في المدارس ومعادلة الشهادات وإيجاد دورات تدريبية في {city}.'
		}
	},
	health: {
		names: {
			en: ['Free health clinic', 'Health insurance registration help', 'Mobile medical unit'],
			fr: [
				'Centre de santé gratuit',
				"Aide à l'ouverture des droits santé",
				'Unité médicale mobile'
			],
			es: ['Consultorio médico gratuito', 'Ayuda con la tarjeta sanitaria', 'Unidad médica móvil'],
			ar: ['عيادة صحية مجانية', 'مساعدة في التسجيل في التأمين الصحي', 'وحدة طبية متنقلة']
		},
		description: {
			en: 'General practitioners and nurses see people without an appointment, with or without health insurance, in {city}.',
			fr: 'Des médecins généralistes et des infirmières reçoivent sans rendez-vous, avec ou sans couverture santé, à {city}.',
			es: 'Médicos de familia y enfermeras atienden sin cita, con o sin tarjeta sanitaria, en {city}.',
			ar: 'أطباء عامّون وممرضون يستقبلون المراجعين دون موعد، مع تأمين صحي أو بدونه، في {city}.'
		}
	},
	mhpss: {
		names: {
			en: ['Psychosocial support group', 'Counselling in your language', 'Trauma care centre'],
			fr: [
				'Groupe de soutien psychosocial',
				'Écoute psychologique dans votre langue',
				'Centre de soins du psychotraumatisme'
			],
			es: [
				'Grupo de apoyo psicosocial',
				'Atención psicológica en tu idioma',
				'Centro de atención al trauma'
			],
			ar: ['مجموعة دعم نفسي اجتماعي', 'إرشاد نفسي بلغتك', 'مركز رعاية الصدمات النفسية']
		},
		description: {
			en: 'Psychologists and trained volunteers offer individual sessions and support groups in {city}, with interpreters.',
			fr: 'Des psychologues et des bénévoles formés proposent des entretiens individuels et des groupes de parole à {city}, avec interprètes.',
			es: 'Psicólogos y voluntarios formados ofrecen sesiones individuales y grupos de apoyo en {city}, con intérpretes.',
			ar: 'يقدّم أخصائيون نفسيون ومتطوعون مدرَّبون جلسات فردية ومجموعات دعم في {city}، بمساعدة مترجمين.'
		}
	},
	housing: {
		names: {
			en: ['Emergency night shelter', 'Housing search support', 'Family accommodation centre'],
			fr: [
				"Hébergement d'urgence de nuit",
				'Accompagnement à la recherche de logement',
				"Centre d'hébergement pour familles"
			],
			es: [
				'Albergue nocturno de emergencia',
				'Apoyo en la búsqueda de vivienda',
				'Centro de acogida para familias'
			],
			ar: ['مأوى ليلي طارئ', 'دعم البحث عن سكن', 'مركز إيواء للعائلات']
		},
		description: {
			en: 'Beds for the night, showers and help to find stable housing in {city}.',
			fr: 'Des lits pour la nuit, des douches et un accompagnement vers un logement stable à {city}.',
			es: 'Camas para pasar la noche, duchas y ayuda para encontrar una vivienda estable en {city}.',
			ar: 'أسرّة للمبيت وحمّامات ومساعدة في إيجاد سكن مستقر في {city}.'
		}
	},
	legal: {
		names: {
			en: ['Immigration law clinic', 'Asylum application support', 'Residence permit help desk'],
			fr: [
				'Permanence de droit des étrangers',
				"Accompagnement de la demande d'asile",
				'Aide aux titres de séjour'
			],
			es: [
				'Clínica de derecho de extranjería',
				'Apoyo a la solicitud de asilo',
				'Ayuda con permisos de residencia'
			],
			ar: ['عيادة قانونية لشؤون الهجرة', 'دعم طلبات اللجوء', 'مكتب مساعدة في تصاريح الإقامة']
		},
		description: {
			en: 'Lawyers and trained advisers explain your rights, prepare applications and appeals, and go with you to appointments in {city}.',
			fr: 'Des avocats et des juristes expliquent vos droits, préparent les demandes et les recours, et vous accompagnent aux rendez-vous à {city}.',
			es: 'Abogados y asesores formados explican tus derechos, preparan solicitudes y recursos, y te acompañan a las citas en {city}.',
			ar: 'محامون ومستشارون مدرَّبون يشرحون حقوقك ويُعدّون الطلبات والطعون ويرافقونك إلى المواعيد في {city}.'
		}
	},
	'social-protection': {
		names: {
			en: ['Social rights advice', 'Benefits application help', 'Social worker drop-in'],
			fr: [
				'Conseil en droits sociaux',
				"Aide aux demandes d'allocations",
				"Permanence d'assistante sociale"
			],
			es: [
				'Asesoría sobre derechos sociales',
				'Ayuda para solicitar prestaciones',
				'Atención de trabajo social sin cita'
			],
			ar: [
				'استشارات في الحقوق الاجتماعية',
				'مساعدة في طلب الإعانات',
				'استقبال مفتوح مع أخصائي اجتماعي'
			]
		},
		description: {
			en: 'Social workers check which benefits you can receive and help you fill in the forms in {city}.',
			fr: 'Des travailleurs sociaux vérifient les aides auxquelles vous avez droit et vous aident à remplir les dossiers à {city}.',
			es: 'Trabajadores sociales revisan a qué prestaciones tienes derecho y te ayudan con los formularios en {city}.',
			ar: 'يتحقق أخصائيون اجتماعيون من الإعانات التي يحق لك الحصول عليها ويساعدونك في تعبئة الاستمارات في {city}.'
		}
	},
	employment: {
		names: {
			en: ['Job search workshop', 'CV and interview coaching', 'Work permit and employment advice'],
			fr: [
				"Atelier de recherche d'emploi",
				'Préparation au CV et aux entretiens',
				'Conseil sur le droit au travail'
			],
			es: [
				'Taller de búsqueda de empleo',
				'Preparación de currículum y entrevistas',
				'Asesoría sobre permiso de trabajo'
			],
			ar: [
				'ورشة البحث عن عمل',
				'تدريب على السيرة الذاتية والمقابلات',
				'استشارات حول تصاريح العمل والتوظيف'
			]
		},
		description: {
			en: 'Advisers help you write a CV, prepare interviews and meet employers in {city}.',
			fr: 'Des conseillers vous aident à rédiger votre CV, à préparer les entretiens et à rencontrer des employeurs à {city}.',
			es: 'Orientadores te ayudan a redactar el currículum, preparar entrevistas y conocer a empleadores en {city}.',
			ar: 'يساعدك مستشارون في كتابة السيرة الذاتية والتحضير للمقابلات ولقاء أصحاب العمل في {city}.'
		}
	},
	'language-courses': {
		names: {
			en: ['Free language classes', 'Conversation café', 'Intensive language course'],
			fr: ['Cours de langue gratuits', 'Café de conversation', 'Cours de langue intensif'],
			es: ['Clases de idioma gratuitas', 'Café de conversación', 'Curso intensivo de idioma'],
			ar: ['دروس لغة مجانية', 'مقهى المحادثة', 'دورة لغة مكثفة']
		},
		description: {
			en: 'Classes for beginners and intermediate learners, with childcare during lessons, in {city}.',
			fr: "Des cours pour débutants et niveau intermédiaire, avec garde d'enfants pendant les cours, à {city}.",
			es: 'Clases para principiantes y nivel intermedio, con cuidado de niños durante las clases, en {city}.',
			ar: 'دروس للمبتدئين والمستوى المتوسط مع رعاية للأطفال أثناء الدروس في {city}.'
		}
	},
	'family-reunification': {
		names: {
			en: [
				'Family reunification advice',
				'Family tracing service',
				'Visa support for family members'
			],
			fr: [
				'Conseil en regroupement familial',
				'Service de recherche de proches',
				'Aide aux visas pour la famille'
			],
			es: [
				'Asesoría en reagrupación familiar',
				'Servicio de búsqueda de familiares',
				'Apoyo con visados para familiares'
			],
			ar: ['استشارات لمّ شمل الأسرة', 'خدمة البحث عن أفراد العائلة', 'دعم تأشيرات أفراد الأسرة']
		},
		description: {
			en: 'Help to bring your family, trace relatives and prepare the documents for the embassy, from {city}.',
			fr: "Aide pour faire venir votre famille, retrouver vos proches et préparer les documents pour l'ambassade, depuis {city}.",
			es: 'Ayuda para traer a tu familia, localizar a familiares y preparar los documentos para la embajada, desde {city}.',
			ar: 'مساعدة في استقدام عائلتك والبحث عن أقاربك وتحضير الوثائق للسفارة انطلاقاً من {city}.'
		}
	},
	children: {
		names: {
			en: ['Child-friendly space', 'Support for unaccompanied minors', 'Parent and baby drop-in'],
			fr: [
				'Espace adapté aux enfants',
				'Accompagnement des mineurs non accompagnés',
				'Accueil parents-bébés'
			],
			es: [
				'Espacio amigable para la infancia',
				'Apoyo a menores no acompañados',
				'Espacio para familias con bebés'
			],
			ar: ['مساحة صديقة للأطفال', 'دعم القاصرين غير المصحوبين', 'استقبال للأهل والرضّع']
		},
		description: {
			en: 'Play, learning and protection activities for children and young people, and advice for parents, in {city}.',
			fr: "Activités de jeu, d'apprentissage et de protection pour les enfants et les jeunes, et conseils aux parents, à {city}.",
			es: 'Actividades de juego, aprendizaje y protección para niños y jóvenes, y orientación a las familias, en {city}.',
			ar: 'أنشطة لعب وتعلّم وحماية للأطفال واليافعين وإرشاد للأهل في {city}.'
		}
	},
	gbv: {
		names: {
			en: [
				'Safe space for women and girls',
				'Gender-based violence helpline',
				'Survivor support centre'
			],
			fr: [
				'Espace sûr pour les femmes et les filles',
				"Ligne d'écoute violences faites aux femmes",
				"Centre d'accueil des victimes"
			],
			es: [
				'Espacio seguro para mujeres y niñas',
				'Línea de atención a la violencia de género',
				'Centro de apoyo a sobrevivientes'
			],
			ar: [
				'مساحة آمنة للنساء والفتيات',
				'خط مساعدة لحالات العنف القائم على النوع الاجتماعي',
				'مركز دعم الناجيات'
			]
		},
		description: {
			en: 'Confidential listening, medical and legal referral and emergency accommodation for survivors of violence in {city}.',
			fr: "Écoute confidentielle, orientation médicale et juridique et mise à l'abri des victimes de violences à {city}.",
			es: 'Escucha confidencial, derivación médica y jurídica y alojamiento de emergencia para sobrevivientes de violencia en {city}.',
			ar: 'استماع سرّي وإحالة طبية وقانونية وإيواء طارئ للناجيات من العنف في {city}.'
		}
	},
	food: {
		names: {
			en: ['Food bank', 'Community kitchen', 'Food vouchers'],
			fr: ['Banque alimentaire', 'Cuisine solidaire', 'Bons alimentaires'],
			es: ['Banco de alimentos', 'Comedor social', 'Vales de alimentos'],
			ar: ['بنك الطعام', 'مطبخ مجتمعي', 'قسائم غذائية']
		},
		description: {
			en: 'Food parcels, hot meals and baby food for people in need in {city}.',
			fr: 'Colis alimentaires, repas chauds et aliments pour bébés pour les personnes dans le besoin à {city}.',
			es: 'Lotes de comida, comidas calientes y alimentación infantil para personas que lo necesitan en {city}.',
			ar: 'طرود غذائية ووجبات ساخنة وأغذية للرضّع للمحتاجين في {city}.'
		}
	},
	money: {
		names: {
			en: ['Bank account opening help', 'Budget and debt advice', 'Safe remittances information'],
			fr: [
				"Aide à l'ouverture d'un compte bancaire",
				'Conseil budget et dettes',
				"Information sur les transferts d'argent"
			],
			es: [
				'Ayuda para abrir una cuenta bancaria',
				'Asesoría sobre presupuesto y deudas',
				'Información sobre remesas seguras'
			],
			ar: [
				'مساعدة في فتح حساب مصرفي',
				'استشارات الميزانية والديون',
				'معلومات عن التحويلات المالية الآمنة'
			]
		},
		description: {
			en: 'Advice on opening an account, managing a budget and sending money home at a fair cost, in {city}.',
			fr: "Conseils pour ouvrir un compte, gérer son budget et envoyer de l'argent au pays à moindre coût, à {city}.",
			es: 'Orientación para abrir una cuenta, gestionar el presupuesto y enviar dinero a casa a un coste justo, en {city}.',
			ar: 'إرشاد حول فتح حساب وإدارة الميزانية وإرسال المال إلى الأهل بتكلفة معقولة في {city}.'
		}
	},
	digital: {
		names: {
			en: ['Digital help desk', 'Free wifi and computer access', 'Online procedures support'],
			fr: [
				"Point d'aide numérique",
				'Accès libre au wifi et aux ordinateurs',
				'Aide aux démarches en ligne'
			],
			es: ['Punto de ayuda digital', 'Wifi y ordenadores gratuitos', 'Apoyo con trámites en línea'],
			ar: ['مكتب المساعدة الرقمية', 'إنترنت لاسلكي وحواسيب مجانية', 'دعم الإجراءات الإلكترونية']
		},
		description: {
			en: 'Computers, wifi, phone charging and help with online appointments and forms in {city}.',
			fr: 'Ordinateurs, wifi, recharge de téléphone et aide aux rendez-vous et formulaires en ligne à {city}.',
			es: 'Ordenadores, wifi, carga de móviles y ayuda con citas y formularios en línea en {city}.',
			ar: 'حواسيب وإنترنت لاسلكي وشحن للهواتف ومساعدة في المواعيد والاستمارات الإلكترونية في {city}.'
		}
	}
};

/** Who may come; index 1 is adults only (minimum age 18), index 3 families with children. */
export const ELIGIBILITY: ByLocale<string[]> = {
	en: [
		'Open to everyone, whatever their status.',
		'Adults over 18.',
		'Asylum seekers and refugees.',
		'Families with children under 18.'
	],
	fr: [
		'Ouvert à tous, quelle que soit la situation administrative.',
		'Adultes de plus de 18 ans.',
		"Demandeurs d'asile et réfugiés.",
		'Familles avec enfants de moins de 18 ans.'
	],
	es: [
		'Abierto a todas las personas, sea cual sea su situación administrativa.',
		'Personas adultas mayores de 18 años.',
		'Solicitantes de asilo y personas refugiadas.',
		'Familias con hijos menores de 18 años.'
	],
	ar: [
		'مفتوح للجميع بغضّ النظر عن الوضع القانوني.',
		'البالغون فوق 18 عاماً.',
		'طالبو اللجوء واللاجئون.',
		'العائلات التي لديها أطفال دون 18 عاماً.'
	]
};
export const APPLY: ByLocale<string[]> = {
	en: [
		'Walk in during opening hours.',
		'Call to make an appointment.',
		'Ask a caseworker to refer you.'
	],
	fr: [
		"Sans rendez-vous aux heures d'ouverture.",
		'Appelez pour prendre rendez-vous.',
		'Demandez à un travailleur social de vous orienter.'
	],
	es: [
		'Sin cita en horario de atención.',
		'Llama para pedir cita.',
		'Pide a un trabajador social que te derive.'
	],
	ar: ['دون موعد خلال ساعات العمل.', 'اتصل لحجز موعد.', 'اطلب من أخصائي الحالة إحالتك.']
};
export const DOCUMENTS: ByLocale<string[]> = {
	en: ['Any identity document', 'Proof of address', 'Residence permit or asylum receipt'],
	fr: [
		"Une pièce d'identité",
		'Un justificatif de domicile',
		"Titre de séjour ou récépissé de demande d'asile"
	],
	es: [
		'Cualquier documento de identidad',
		'Certificado de empadronamiento',
		'Permiso de residencia o resguardo de asilo'
	],
	ar: ['أي وثيقة إثبات هوية', 'إثبات عنوان السكن', 'تصريح الإقامة أو إيصال طلب اللجوء']
};
export const FEES: ByLocale<[free: string, paid: string]> = {
	en: ['Free of charge', 'Small registration fee'],
	fr: ['Gratuit', "Frais d'inscription modiques"],
	es: ['Gratuito', 'Pequeña cuota de inscripción'],
	ar: ['مجاني', 'رسوم تسجيل رمزية']
};
export const INTERPRETATION: ByLocale<string> = {
	en: 'Interpreters on request',
	fr: 'Interprètes sur demande',
	es: 'Intérpretes bajo petición',
	ar: 'مترجمون عند الطلب'
};
export const PLACES: ByLocale<string[]> = {
	en: ['Main office', 'Community centre', 'Drop-in centre', 'Branch office'],
	fr: ['Siège', 'Centre social', 'Accueil de jour', 'Antenne'],
	es: ['Sede', 'Centro comunitario', 'Centro de día', 'Delegación'],
	ar: ['المقر الرئيسي', 'المركز المجتمعي', 'مركز الاستقبال النهاري', 'الفرع']
};
export const STREETS: ByLocale<string[]> = {
	en: ['High Street', 'Main Street', 'Station Road', 'Market Street', 'Church Lane'],
	fr: ['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'boulevard Voltaire'],
	es: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Carmen', 'Calle de la Paz'],
	ar: ['شارع الجامعة', 'شارع الاستقلال', 'شارع الملك فيصل', 'شارع الحرية']
};
export const ORGANISATION_NAMES: ByLocale<string[]> = {
	en: ['Welcome Network {city}', '{city} Refugee Support', 'New Neighbours {city}'],
	fr: ['Association Entraide {city}', 'Maison solidaire de {city}', 'Accueil Migrants {city}'],
	es: ['Red de Acogida {city}', 'Fundación Puentes {city}', 'Casa del Migrante {city}'],
	ar: ['جمعية التضامن في {city}', 'مركز الأمل {city}', 'بيت الجيران الجدد في {city}']
};
export const ORGANISATION_ABOUT: ByLocale<string> = {
	en: 'Local organisation welcoming newcomers: advice, orientation and practical help.',
	fr: 'Association locale qui accueille les nouveaux arrivants : conseil, orientation et aide pratique.',
	es: 'Organización local que acoge a las personas recién llegadas: asesoría, orientación y ayuda práctica.',
	ar: 'منظمة محلية تستقبل القادمين الجدد: استشارات وتوجيه ومساعدة عملية.'
};

// Referral texts, in the language of the organisation that writes them. People are synthetic.
export const PURPOSE: ByLocale<string> = {
	en: 'Assessment and follow-up: {need}',
	fr: 'Évaluation et suivi : {need}',
	es: 'Valoración y seguimiento: {need}',
	ar: 'تقييم ومتابعة: {need}'
};
export const DECLINE_REASONS: ByLocale<string[]> = {
	en: [
		'No places available this month.',
		'Outside our area.',
		'The person is not eligible for this service.'
	],
	fr: [
		'Plus de places disponibles ce mois-ci.',
		"En dehors de notre secteur d'intervention.",
		"La personne ne remplit pas les conditions d'accès."
	],
	es: [
		'No quedan plazas este mes.',
		'Fuera de nuestra zona de atención.',
		'La persona no cumple los requisitos del servicio.'
	],
	ar: ['لا توجد أماكن متاحة هذا الشهر.', 'خارج نطاق منطقتنا.', 'الشخص غير مؤهل لهذه الخدمة.']
};
export const FEEDBACK: ByLocale<string[]> = {
	en: [
		'Appointment held, follow-up planned.',
		'Documents submitted, waiting for an answer.',
		'The person could not be reached after three calls.'
	],
	fr: [
		'Rendez-vous effectué, suivi prévu.',
		'Dossier déposé, en attente de réponse.',
		'La personne est restée injoignable après trois appels.'
	],
	es: [
		'Cita realizada, seguimiento previsto.',
		'Documentación presentada, a la espera de respuesta.',
		'No fue posible contactar con la persona tras tres llamadas.'
	],
	ar: [
		'تمّ الموعد والمتابعة مقرّرة.',
		'قُدّمت الوثائق بانتظار الرد.',
		'تعذّر الوصول إلى الشخص بعد ثلاث مكالمات.'
	]
};
export const NOTES: ByLocale<string> = {
	en: 'Prefers morning appointments.',
	fr: 'Préfère les rendez-vous le matin.',
	es: 'Prefiere citas por la mañana.',
	ar: 'يفضّل المواعيد الصباحية.'
};
export const FIRST = [
	'Amina',
	'Yusuf',
	'Mariam',
	'Karim',
	'Lucía',
	'Joaquín',
	'Olena',
	'Tigist',
	'Abdi',
	'Farida',
	'Samir',
	'Nour',
	'Awa',
	'Moussa',
	'Parisa',
	'Ahmad',
	'ليلى',
	'عمر',
	'سلمى',
	'خالد',
	'Daniela',
	'Ibrahim'
];
export const LAST = [
	'Haddad',
	'Diallo',
	'Rahimi',
	'Mensah',
	'Quispe',
	'Okafor',
	'Tesfaye',
	'Hussein',
	'Kovalenko',
	'Benali',
	'Sow',
	'Morales',
	'الخطيب',
	'النجار',
	'Yılmaz',
	'Abebe'
];
