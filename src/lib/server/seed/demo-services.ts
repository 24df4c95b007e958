import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import type { ServiceTexts } from '#lib/services/service-form.ts';
import { languageName } from '#lib/members/codes.ts';
import type { Db } from '../db/client.ts';
import { organisation } from '../organisations/schema.ts';
import { setting } from '../platform/schema.ts';
import type { HsdsLocation, HsdsService } from '../services/hsds-types.ts';
import {
	refreshOpenings,
	storeLocation,
	storeService,
	storeServiceAtLocation
} from '../services/store.ts';

/**
 * Demo services of the demo organisations (members/demo-content.ts), shown on a fresh embedded
 * install: fictional services at real-looking addresses, written in the organisation's language
 * and translated into the other three.
 */

type Locale = 'en' | 'fr' | 'es' | 'ar';

type DemoLocation = {
	id: string;
	name: string;
	address1: string;
	postalCode: string;
	city: string;
	country: string;
	latitude: number;
	longitude: number;
	timeZone: string;
	accessibility?: string;
};

const LOCATIONS = {
	paris: {
		id: '0d3e5a17-7c2b-4e51-9a60-000000000101',
		name: 'Antenne parisienne',
		address1: '18 rue de Tanger',
		postalCode: '75019',
		city: 'Paris',
		country: 'FR',
		latitude: 48.8843,
		longitude: 2.3707,
		timeZone: 'Europe/Paris',
		accessibility: 'Entrée de plain-pied'
	},
	lyon: {
		id: '0d3e5a17-7c2b-4e51-9a60-000000000102',
		name: 'Maison des diasporas',
		address1: '23 rue Paul Bert',
		postalCode: '69003',
		city: 'Lyon',
		country: 'FR',
		latitude: 45.7578,
		longitude: 4.849,
		timeZone: 'Europe/Paris'
	},
	lyonNight: {
		id: '0d3e5a17-7c2b-4e51-9a60-000000000103',
		name: 'Halte de nuit',
		address1: '14 rue Sébastien Gryphe',
		postalCode: '69007',
		city: 'Lyon',
		country: 'FR',
		latitude: 45.7523,
		longitude: 4.8449,
		timeZone: 'Europe/Paris',
		accessibility: 'Accessible en fauteuil roulant'
	},
	madrid: {
		id: '0d3e5a17-7c2b-4e51-9a60-000000000104',
		name: 'Local de Lavapiés',
		address1: 'Calle del Ave María 18',
		postalCode: '28012',
		city: 'Madrid',
		country: 'ES',
		latitude: 40.4091,
		longitude: -3.7007,
		timeZone: 'Europe/Madrid'
	},
	barcelona: {
		id: '0d3e5a17-7c2b-4e51-9a60-000000000105',
		name: 'Local del Raval',
		address1: "Carrer de l'Hospital 96",
		postalCode: '08001',
		city: 'Barcelona',
		country: 'ES',
		latitude: 41.3801,
		longitude: 2.1689,
		timeZone: 'Europe/Madrid'
	},
	amman: {
		id: '0d3e5a17-7c2b-4e51-9a60-000000000106',
		name: 'مركز جسور – جبل اللويبدة',
		address1: 'شارع باريس 15',
		postalCode: '11191',
		city: 'Amman',
		country: 'JO',
		latitude: 31.9575,
		longitude: 35.9226,
		timeZone: 'Asia/Amman',
		accessibility: 'مدخل من دون درج'
	},
	beirut: {
		id: '0d3e5a17-7c2b-4e51-9a60-000000000107',
		name: 'مركز جسور – برج حمود',
		address1: 'شارع أراكس 20',
		postalCode: '1101',
		city: 'Beirut',
		country: 'LB',
		latitude: 33.892,
		longitude: 35.541,
		timeZone: 'Asia/Beirut'
	},
	dublin: {
		id: '0d3e5a17-7c2b-4e51-9a60-000000000108',
		name: 'City Welcome Desk, Civic Offices',
		address1: 'Wood Quay',
		postalCode: 'D08 RF3F',
		city: 'Dublin',
		country: 'IE',
		latitude: 53.3443,
		longitude: -6.2712,
		timeZone: 'Europe/Dublin',
		accessibility: 'Step-free entrance and accessible toilets'
	}
} satisfies Record<string, DemoLocation>;

type DemoService = {
	id: string;
	organisation: string;
	location: keyof typeof LOCATIONS;
	needs: string[];
	languages: string[];
	cost: { amount: number; currency: string } | null;
	minimumAge?: number;
	maximumAge?: number;
	/** Weekly hours: days, opening and closing time; closing before opening runs past midnight. */
	hours: [byday: string, opens: string, closes: string][];
	email: string;
	texts: Record<Locale, ServiceTexts>;
};

const WEEKDAYS = 'MO,TU,WE,TH,FR';
const EVERY_DAY = 'MO,TU,WE,TH,FR,SA,SU';

export const DEMO_SERVICES: DemoService[] = [
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000001',
		organisation: 'maison-des-diasporas',
		location: 'paris',
		needs: ['legal'],
		languages: ['fr', 'ar', 'fa', 'en', 'es'],
		cost: null,
		hours: [
			['TU,TH', '14:00', '18:00'],
			['SA', '10:00', '13:00']
		],
		email: 'juridique@maison-diasporas.example.org',
		texts: {
			fr: {
				name: 'Permanence juridique pour les nouveaux arrivants',
				description:
					"Des juristes bénévoles et une avocate en droit des étrangers répondent à vos questions sur le titre de séjour, la demande d'asile, le regroupement familial et les recours. Entretiens confidentiels, avec interprète si besoin.",
				eligibility:
					'Toute personne étrangère arrivée en France, quelle que soit sa situation administrative.',
				applicationProcess:
					'Venez sans rendez-vous le mardi et le jeudi après-midi, ou prenez rendez-vous par courriel pour le samedi matin.',
				feesDescription: 'Gratuit',
				interpretation: 'Arabe, dari, anglais et espagnol ; autres langues par téléphone.',
				documents:
					"Une pièce d'identité ou un passeport\nLes courriers reçus de la préfecture ou de l'OFPRA"
			},
			en: {
				name: 'Legal advice for newcomers',
				description:
					'Volunteer legal advisers and an immigration lawyer answer your questions about residence permits, asylum applications, family reunification and appeals. Confidential interviews, with an interpreter if needed.',
				eligibility: 'Any foreign national who has arrived in France, whatever their status.',
				applicationProcess:
					'Walk in on Tuesday and Thursday afternoons, or book a Saturday morning appointment by email.',
				feesDescription: 'Free of charge',
				interpretation: 'Arabic, Dari, English and Spanish; other languages by phone.',
				documents: 'An identity document or passport\nLetters received from the prefecture or OFPRA'
			},
			es: {
				name: 'Asesoría jurídica para recién llegados',
				description:
					'Juristas voluntarios y una abogada de extranjería responden a tus preguntas sobre el permiso de residencia, la solicitud de asilo, la reagrupación familiar y los recursos. Entrevistas confidenciales, con intérprete si hace falta.',
				eligibility:
					'Cualquier persona extranjera llegada a Francia, sea cual sea su situación administrativa.',
				applicationProcess:
					'Ven sin cita los martes y jueves por la tarde, o pide cita por correo electrónico para el sábado por la mañana.',
				feesDescription: 'Gratuito',
				interpretation: 'Árabe, dari, inglés y español; otros idiomas por teléfono.',
				documents:
					'Un documento de identidad o pasaporte\nLas cartas recibidas de la prefectura o de la OFPRA'
			},
			ar: {
				name: 'استشارات قانونية للقادمين الجدد',
				description:
					'يجيب مستشارون قانونيون متطوعون ومحامية مختصة بقانون الأجانب عن أسئلتك حول تصريح الإقامة وطلب اللجوء ولمّ شمل الأسرة والطعون. المقابلات سرّية، مع مترجم عند الحاجة.',
				eligibility: 'كل شخص أجنبي وصل إلى فرنسا، مهما كان وضعه القانوني.',
				applicationProcess:
					'تعال دون موعد يومَي الثلاثاء والخميس بعد الظهر، أو احجز موعداً صباح السبت عبر البريد الإلكتروني.',
				feesDescription: 'مجاني',
				interpretation: 'العربية والدارية والإنجليزية والإسبانية، ولغات أخرى عبر الهاتف.',
				documents:
					'وثيقة هوية أو جواز سفر\nالرسائل الواردة من المحافظة أو من المكتب الفرنسي لحماية اللاجئين وعديمي الجنسية'
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000002',
		organisation: 'maison-des-diasporas',
		location: 'lyon',
		needs: ['language-courses'],
		languages: ['fr', 'ar', 'en'],
		cost: { amount: 10, currency: 'EUR' },
		minimumAge: 16,
		hours: [
			['MO,WE', '18:00', '20:30'],
			['SA', '10:00', '12:00']
		],
		email: 'francais@maison-diasporas.example.org',
		texts: {
			fr: {
				name: 'Cours de français pour adultes',
				description:
					'Cours de français langue étrangère du niveau débutant au niveau B1, en petits groupes, animés par des formateurs bénévoles. Un atelier de conversation a lieu le samedi matin, avec un espace pour les enfants.',
				eligibility: 'Adultes à partir de 16 ans, quel que soit le niveau.',
				applicationProcess:
					'Inscription sur place le lundi soir : un court test permet de choisir le bon groupe.',
				feesDescription: 'Adhésion annuelle de 10 €',
				interpretation: '',
				documents: ''
			},
			en: {
				name: 'French classes for adults',
				description:
					'French as a foreign language from beginner to B1 level, in small groups led by volunteer teachers. A conversation workshop takes place on Saturday mornings, with a space for children.',
				eligibility: 'Adults aged 16 and over, at any level.',
				applicationProcess:
					'Register in person on Monday evening: a short test helps choose the right group.',
				feesDescription: 'Annual membership of €10',
				interpretation: '',
				documents: ''
			},
			es: {
				name: 'Clases de francés para adultos',
				description:
					'Francés como lengua extranjera desde el nivel principiante hasta el B1, en grupos pequeños con profesorado voluntario. Los sábados por la mañana hay un taller de conversación, con un espacio para niños.',
				eligibility: 'Personas adultas a partir de 16 años, con cualquier nivel.',
				applicationProcess:
					'Inscripción presencial el lunes por la tarde: una prueba corta permite elegir el grupo adecuado.',
				feesDescription: 'Cuota anual de socio de 10 €',
				interpretation: '',
				documents: ''
			},
			ar: {
				name: 'دروس اللغة الفرنسية للكبار',
				description:
					'دروس في اللغة الفرنسية كلغة أجنبية من مستوى المبتدئين حتى المستوى B1، ضمن مجموعات صغيرة يقدّمها مدرّسون متطوعون. تُقام ورشة محادثة صباح كل سبت، مع مساحة مخصّصة للأطفال.',
				eligibility: 'البالغون من عمر 16 عاماً فما فوق، من أي مستوى.',
				applicationProcess:
					'التسجيل حضورياً مساء الاثنين، ويساعد اختبار قصير في اختيار المجموعة المناسبة.',
				feesDescription: 'اشتراك سنوي قدره 10 يورو',
				interpretation: '',
				documents: ''
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000003',
		organisation: 'maison-des-diasporas',
		location: 'lyonNight',
		needs: ['housing', 'food'],
		languages: ['fr', 'en', 'ar'],
		cost: null,
		minimumAge: 18,
		hours: [[EVERY_DAY, '20:00', '08:00']],
		email: 'halte@maison-diasporas.example.org',
		texts: {
			fr: {
				name: 'Halte de nuit solidaire',
				description:
					"Un lieu d'accueil pour la nuit, de 20 h à 8 h : un lit, une douche, un dîner chaud et un petit-déjeuner. Des bénévoles orientent vers le 115 et les hébergements durables.",
				eligibility:
					"Adultes seuls sans solution d'hébergement, hommes et femmes (espace réservé aux femmes).",
				applicationProcess: "Se présenter à l'accueil entre 20 h et 22 h ; pas de réservation.",
				feesDescription: 'Gratuit',
				interpretation: "Anglais et arabe parlés par l'équipe.",
				documents: ''
			},
			en: {
				name: 'Night shelter',
				description:
					'A place to stay the night, from 8 pm to 8 am: a bed, a shower, a hot dinner and breakfast. Volunteers help you contact the emergency housing line and find longer-term accommodation.',
				eligibility: 'Single adults with nowhere to sleep, men and women (a women-only area).',
				applicationProcess: 'Come to the front desk between 8 pm and 10 pm; no booking.',
				feesDescription: 'Free of charge',
				interpretation: 'The team speaks English and Arabic.',
				documents: ''
			},
			es: {
				name: 'Albergue nocturno solidario',
				description:
					'Un lugar donde pasar la noche, de 20:00 a 8:00: una cama, una ducha, una cena caliente y el desayuno. Voluntarios ayudan a contactar con la línea de alojamiento de emergencia y a buscar un alojamiento estable.',
				eligibility:
					'Personas adultas solas sin alojamiento, hombres y mujeres (espacio reservado a mujeres).',
				applicationProcess:
					'Preséntate en la recepción entre las 20:00 y las 22:00; no hace falta reservar.',
				feesDescription: 'Gratuito',
				interpretation: 'El equipo habla inglés y árabe.',
				documents: ''
			},
			ar: {
				name: 'مأوى ليلي تضامني',
				description:
					'مكان للمبيت من الساعة الثامنة مساءً حتى الثامنة صباحاً: سرير وحمّام وعشاء ساخن وفطور. يساعدك المتطوعون في الاتصال بخط الإيواء الطارئ وإيجاد سكن دائم.',
				eligibility: 'البالغون الوحيدون الذين لا مأوى لهم، رجالاً ونساءً (مع قسم خاص بالنساء).',
				applicationProcess: 'توجّه إلى الاستقبال بين الساعة الثامنة والعاشرة مساءً، دون حجز مسبق.',
				feesDescription: 'مجاني',
				interpretation: 'يتحدث الفريق الإنجليزية والعربية.',
				documents: ''
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000004',
		organisation: 'red-migrante-madrid',
		location: 'madrid',
		needs: ['legal'],
		languages: ['es', 'ar', 'fr', 'en'],
		cost: null,
		hours: [
			['MO,TU,WE,TH', '10:00', '14:00'],
			['TH', '16:00', '19:00']
		],
		email: 'juridico@redmigrante.example.org',
		texts: {
			es: {
				name: 'Asesoría jurídica en extranjería',
				description:
					'Abogadas y abogados voluntarios informan sobre arraigo, permisos de residencia y trabajo, protección internacional y nacionalidad, y preparan los escritos y recursos necesarios.',
				eligibility: 'Personas migrantes residentes en la Comunidad de Madrid.',
				applicationProcess:
					'Pide cita por correo electrónico; los jueves por la tarde hay atención sin cita.',
				feesDescription: 'Gratuito',
				interpretation: 'Árabe, francés e inglés.',
				documents:
					'Pasaporte o documento de identidad\nCertificado de empadronamiento, si lo tienes'
			},
			en: {
				name: 'Immigration legal advice',
				description:
					'Volunteer lawyers give advice on regularisation through settlement (arraigo), residence and work permits, international protection and citizenship, and prepare the necessary applications and appeals.',
				eligibility: 'Migrants living in the Madrid region.',
				applicationProcess: 'Book an appointment by email; walk-in advice on Thursday afternoons.',
				feesDescription: 'Free of charge',
				interpretation: 'Arabic, French and English.',
				documents:
					'Passport or identity document\nRegistration certificate (empadronamiento), if you have one'
			},
			fr: {
				name: 'Conseil juridique en droit des étrangers',
				description:
					"Des avocates et avocats bénévoles conseillent sur la régularisation par l'enracinement (arraigo), les permis de séjour et de travail, la protection internationale et la nationalité, et préparent les demandes et recours nécessaires.",
				eligibility: 'Personnes migrantes résidant dans la région de Madrid.',
				applicationProcess:
					'Prenez rendez-vous par courriel ; accueil sans rendez-vous le jeudi après-midi.',
				feesDescription: 'Gratuit',
				interpretation: 'Arabe, français et anglais.',
				documents:
					"Passeport ou pièce d'identité\nCertificat d'inscription au registre municipal (empadronamiento), si vous l'avez"
			},
			ar: {
				name: 'استشارات قانونية في شؤون الأجانب',
				description:
					'يقدّم محامون ومحاميات متطوعون المشورة حول التسوية عبر الاستقرار (أرّايغو) وتصاريح الإقامة والعمل والحماية الدولية والجنسية، ويُعدّون الطلبات والطعون اللازمة.',
				eligibility: 'المهاجرون المقيمون في منطقة مدريد.',
				applicationProcess:
					'احجز موعداً عبر البريد الإلكتروني، وتتوفر استشارات دون موعد بعد ظهر يوم الخميس.',
				feesDescription: 'مجاني',
				interpretation: 'العربية والفرنسية والإنجليزية.',
				documents: 'جواز السفر أو وثيقة الهوية\nشهادة التسجيل البلدي (إمبادرونامينتو) إن وُجدت'
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000005',
		organisation: 'red-migrante-madrid',
		location: 'madrid',
		needs: ['employment'],
		languages: ['es', 'en', 'fr'],
		cost: null,
		minimumAge: 16,
		hours: [[WEEKDAYS, '09:00', '14:00']],
		email: 'empleo@redmigrante.example.org',
		texts: {
			es: {
				name: 'Orientación laboral y bolsa de empleo',
				description:
					'Talleres para preparar el currículum y las entrevistas, información sobre el permiso de trabajo y ofertas de empleo de empresas colaboradoras en hostelería, cuidados, logística y construcción.',
				eligibility: 'Personas migrantes con permiso de trabajo o en trámite de obtenerlo.',
				applicationProcess:
					'Sesión informativa cada lunes a las 10:00; después se asigna una orientadora.',
				feesDescription: 'Gratuito',
				interpretation: '',
				documents: 'Currículum, si lo tienes\nDocumento de identidad'
			},
			en: {
				name: 'Job guidance and vacancies',
				description:
					'Workshops to prepare your CV and interviews, information on work permits, and vacancies from partner employers in hospitality, care, logistics and construction.',
				eligibility: 'Migrants with a work permit or applying for one.',
				applicationProcess:
					'Information session every Monday at 10 am; then an adviser is assigned to you.',
				feesDescription: 'Free of charge',
				interpretation: '',
				documents: 'CV, if you have one\nIdentity document'
			},
			fr: {
				name: "Orientation professionnelle et offres d'emploi",
				description:
					"Des ateliers pour préparer le CV et les entretiens, des informations sur l'autorisation de travail et des offres d'entreprises partenaires dans l'hôtellerie, l'aide à la personne, la logistique et le bâtiment.",
				eligibility:
					'Personnes migrantes ayant une autorisation de travail ou en cours de démarche.',
				applicationProcess:
					"Réunion d'information chaque lundi à 10 h ; une conseillère vous est ensuite attribuée.",
				feesDescription: 'Gratuit',
				interpretation: '',
				documents: "CV, si vous en avez un\nPièce d'identité"
			},
			ar: {
				name: 'التوجيه المهني وفرص العمل',
				description:
					'ورش عمل لإعداد السيرة الذاتية والتحضير للمقابلات، ومعلومات حول تصريح العمل، وعروض عمل من شركات شريكة في قطاعات الضيافة والرعاية والخدمات اللوجستية والبناء.',
				eligibility: 'المهاجرون الحاصلون على تصريح عمل أو الذين يسعون للحصول عليه.',
				applicationProcess: 'جلسة تعريفية كل يوم اثنين الساعة العاشرة صباحاً، ثم تُعيَّن لك مستشارة.',
				feesDescription: 'مجاني',
				interpretation: '',
				documents: 'السيرة الذاتية إن وُجدت\nوثيقة الهوية'
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000006',
		organisation: 'red-migrante-madrid',
		location: 'barcelona',
		needs: ['housing'],
		languages: ['es', 'ca', 'ar', 'ur', 'en'],
		cost: null,
		hours: [['WE,FR', '09:30', '13:30']],
		email: 'vivienda@redmigrante.example.org',
		texts: {
			es: {
				name: 'Acompañamiento en la búsqueda de vivienda',
				description:
					'Te ayudamos a buscar piso o habitación, a entender el contrato de alquiler y tus derechos como inquilino, y a solicitar las ayudas al alquiler. Mediación con propietarios cuando hay discriminación.',
				eligibility: 'Personas y familias migrantes que viven en Barcelona.',
				applicationProcess: 'Pide cita en nuestro local los miércoles y viernes por la mañana.',
				feesDescription: 'Gratuito',
				interpretation: 'Árabe, urdu e inglés.',
				documents: 'Documento de identidad\nJustificante de ingresos, si lo tienes'
			},
			en: {
				name: 'Help finding a home',
				description:
					'We help you look for a flat or a room, understand the tenancy agreement and your rights as a tenant, and apply for rent support. Mediation with landlords in cases of discrimination.',
				eligibility: 'Migrant people and families living in Barcelona.',
				applicationProcess:
					'Ask for an appointment at our office on Wednesday and Friday mornings.',
				feesDescription: 'Free of charge',
				interpretation: 'Arabic, Urdu and English.',
				documents: 'Identity document\nProof of income, if you have it'
			},
			fr: {
				name: 'Accompagnement dans la recherche de logement',
				description:
					'Nous vous aidons à chercher un appartement ou une chambre, à comprendre le bail et vos droits de locataire, et à demander les aides au loyer. Médiation avec les propriétaires en cas de discrimination.',
				eligibility: 'Personnes et familles migrantes vivant à Barcelone.',
				applicationProcess:
					'Demandez un rendez-vous à notre local le mercredi et le vendredi matin.',
				feesDescription: 'Gratuit',
				interpretation: 'Arabe, ourdou et anglais.',
				documents: "Pièce d'identité\nJustificatif de revenus, si vous en avez"
			},
			ar: {
				name: 'المرافقة في البحث عن سكن',
				description:
					'نساعدك في البحث عن شقة أو غرفة، وفي فهم عقد الإيجار وحقوقك كمستأجر، وفي طلب مساعدات الإيجار. ونتوسّط مع المالكين في حالات التمييز.',
				eligibility: 'المهاجرون والعائلات المهاجرة المقيمون في برشلونة.',
				applicationProcess: 'اطلب موعداً في مكتبنا صباح يومَي الأربعاء والجمعة.',
				feesDescription: 'مجاني',
				interpretation: 'العربية والأردية والإنجليزية.',
				documents: 'وثيقة الهوية\nإثبات الدخل إن وُجد'
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000007',
		organisation: 'jusoor-amman',
		location: 'amman',
		needs: ['mhpss'],
		languages: ['ar', 'ku', 'en'],
		cost: null,
		minimumAge: 12,
		hours: [['SU,MO,TU,WE,TH', '09:00', '15:00']],
		email: 'support@jusoor.example.org',
		texts: {
			ar: {
				name: 'الإرشاد النفسي والدعم الاجتماعي',
				description:
					'جلسات إرشاد فردية وجماعية مع أخصائيين نفسيين، ومجموعات دعم للنساء واليافعين، وأنشطة للتخفيف من الضغط النفسي. تُقدَّم الخدمة في جو آمن وسرّي.',
				eligibility: 'اللاجئون وأفراد المجتمع المضيف، من عمر 12 عاماً فما فوق.',
				applicationProcess: 'احجز موعداً بالحضور إلى المركز أو عبر الإحالة من منظمة أخرى.',
				feesDescription: 'مجاني',
				interpretation: 'الكردية والإنجليزية عند الطلب.',
				documents: 'بطاقة المفوضية أو وثيقة هوية'
			},
			en: {
				name: 'Counselling and psychosocial support',
				description:
					'Individual and group counselling with psychologists, support groups for women and young people, and stress-relief activities, in a safe and confidential setting.',
				eligibility: 'Refugees and members of the host community, aged 12 and over.',
				applicationProcess:
					'Book an appointment at the centre or be referred by another organisation.',
				feesDescription: 'Free of charge',
				interpretation: 'Kurdish and English on request.',
				documents: 'UNHCR card or an identity document'
			},
			fr: {
				name: 'Soutien psychologique et psychosocial',
				description:
					'Entretiens individuels et de groupe avec des psychologues, groupes de parole pour les femmes et les jeunes, et activités pour réduire le stress, dans un cadre sûr et confidentiel.',
				eligibility:
					"Personnes réfugiées et membres de la communauté d'accueil, à partir de 12 ans.",
				applicationProcess:
					'Prenez rendez-vous au centre ou faites-vous orienter par une autre organisation.',
				feesDescription: 'Gratuit',
				interpretation: 'Kurde et anglais sur demande.',
				documents: "Carte du HCR ou pièce d'identité"
			},
			es: {
				name: 'Apoyo psicológico y psicosocial',
				description:
					'Sesiones individuales y de grupo con psicólogos, grupos de apoyo para mujeres y jóvenes y actividades para reducir el estrés, en un entorno seguro y confidencial.',
				eligibility: 'Personas refugiadas y de la comunidad de acogida, a partir de 12 años.',
				applicationProcess:
					'Pide cita en el centro o a través de la derivación de otra organización.',
				feesDescription: 'Gratuito',
				interpretation: 'Kurdo e inglés bajo petición.',
				documents: 'Tarjeta de ACNUR o documento de identidad'
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000008',
		organisation: 'jusoor-amman',
		location: 'amman',
		needs: ['language-courses', 'digital'],
		languages: ['ar', 'en'],
		cost: { amount: 15, currency: 'JOD' },
		minimumAge: 15,
		hours: [['SU,TU,TH', '16:00', '19:00']],
		email: 'courses@jusoor.example.org',
		texts: {
			ar: {
				name: 'دروس اللغة الإنجليزية ومهارات الحاسوب',
				description:
					'دورات مسائية في اللغة الإنجليزية لثلاثة مستويات، ودروس في استخدام الحاسوب والإنترنت والبريد الإلكتروني. تُمنح شهادة حضور في نهاية الدورة.',
				eligibility: 'اليافعون والبالغون من عمر 15 عاماً فما فوق.',
				applicationProcess: 'التسجيل في المركز في بداية كل شهر، والأماكن محدودة.',
				feesDescription: 'رسوم رمزية قدرها 15 ديناراً للدورة، مع إعفاء لمن لا يستطيع الدفع.',
				interpretation: '',
				documents: 'صورة عن وثيقة الهوية'
			},
			en: {
				name: 'English and computer classes',
				description:
					'Evening English courses at three levels, and lessons on using a computer, the internet and email. A certificate of attendance is given at the end of the course.',
				eligibility: 'Young people and adults aged 15 and over.',
				applicationProcess:
					'Register at the centre at the start of each month; places are limited.',
				feesDescription: 'A small fee of 15 dinars per course, waived for those who cannot pay.',
				interpretation: '',
				documents: 'A copy of an identity document'
			},
			fr: {
				name: "Cours d'anglais et d'informatique",
				description:
					"Cours du soir d'anglais sur trois niveaux, et initiation à l'ordinateur, à internet et au courrier électronique. Une attestation de présence est remise en fin de session.",
				eligibility: 'Jeunes et adultes à partir de 15 ans.',
				applicationProcess: 'Inscription au centre en début de mois ; places limitées.',
				feesDescription:
					'Participation de 15 dinars par session, dont sont dispensées les personnes qui ne peuvent pas payer.',
				interpretation: '',
				documents: "Une copie d'une pièce d'identité"
			},
			es: {
				name: 'Clases de inglés e informática',
				description:
					'Cursos de inglés por la tarde en tres niveles, y clases de uso del ordenador, internet y correo electrónico. Al final del curso se entrega un certificado de asistencia.',
				eligibility: 'Jóvenes y personas adultas a partir de 15 años.',
				applicationProcess: 'Inscripción en el centro a principios de cada mes; plazas limitadas.',
				feesDescription:
					'Cuota simbólica de 15 dinares por curso, con exención para quien no pueda pagar.',
				interpretation: '',
				documents: 'Una copia de un documento de identidad'
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000009',
		organisation: 'jusoor-amman',
		location: 'beirut',
		needs: ['children', 'education'],
		languages: ['ar', 'en', 'fr'],
		cost: null,
		minimumAge: 4,
		maximumAge: 12,
		hours: [[WEEKDAYS, '09:00', '13:00']],
		email: 'children@jusoor.example.org',
		texts: {
			ar: {
				name: 'مساحة صديقة للأطفال',
				description:
					'أنشطة لعب وتعلّم ودعم مدرسي للأطفال من 4 إلى 12 عاماً، مع جلسات توعية للأهل حول حماية الطفل والتسجيل في المدارس.',
				eligibility: 'الأطفال من عمر 4 إلى 12 عاماً، ويرافقهم أحد الوالدين عند التسجيل.',
				applicationProcess: 'يسجّل أحد الوالدين الطفل في المركز صباحاً من الاثنين إلى الجمعة.',
				feesDescription: 'مجاني',
				interpretation: 'الإنجليزية والفرنسية.',
				documents: 'وثيقة تثبت عمر الطفل إن وُجدت'
			},
			en: {
				name: 'Child-friendly space',
				description:
					'Play, learning and homework support for children aged 4 to 12, with awareness sessions for parents on child protection and school enrolment.',
				eligibility: 'Children aged 4 to 12; a parent comes with them to register.',
				applicationProcess: 'A parent registers the child at the centre on weekday mornings.',
				feesDescription: 'Free of charge',
				interpretation: 'English and French.',
				documents: "A document showing the child's age, if available"
			},
			fr: {
				name: 'Espace ami des enfants',
				description:
					"Activités de jeu, d'apprentissage et d'aide aux devoirs pour les enfants de 4 à 12 ans, avec des séances de sensibilisation des parents à la protection de l'enfance et à l'inscription scolaire.",
				eligibility: "Enfants de 4 à 12 ans ; un parent les accompagne à l'inscription.",
				applicationProcess: "Un parent inscrit l'enfant au centre du lundi au vendredi matin.",
				feesDescription: 'Gratuit',
				interpretation: 'Anglais et français.',
				documents: "Un document indiquant l'âge de l'enfant, s'il existe"
			},
			es: {
				name: 'Espacio amigable para la infancia',
				description:
					'Actividades de juego, aprendizaje y apoyo escolar para niños y niñas de 4 a 12 años, con sesiones para las familias sobre protección de la infancia y escolarización.',
				eligibility:
					'Niños y niñas de 4 a 12 años; una persona adulta de la familia los acompaña a la inscripción.',
				applicationProcess:
					'Un padre o una madre inscribe al niño en el centro de lunes a viernes por la mañana.',
				feesDescription: 'Gratuito',
				interpretation: 'Inglés y francés.',
				documents: 'Un documento que indique la edad del niño, si existe'
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000010',
		organisation: 'jusoor-amman',
		location: 'amman',
		needs: ['gbv'],
		languages: ['ar', 'en', 'ku', 'so'],
		cost: null,
		minimumAge: 14,
		// A helpline answers around the clock: midnight to midnight every day.
		hours: [[EVERY_DAY, '00:00', '00:00']],
		email: 'women@jusoor.example.org',
		texts: {
			ar: {
				name: 'خط مساندة ومساحة آمنة للنساء',
				description:
					'خط هاتفي يعمل على مدار الساعة للنساء والفتيات الناجيات من العنف، ومساحة آمنة في المركز تقدّم الاستماع والإحالة إلى الخدمات الطبية والقانونية والإيواء. كل ما تقولينه يبقى سرّياً.',
				eligibility: 'النساء والفتيات من عمر 14 عاماً فما فوق.',
				applicationProcess: 'اتصلي في أي وقت أو تعالي إلى المركز، فلا حاجة إلى موعد ولا إلى وثائق.',
				feesDescription: 'مجاني',
				interpretation: 'الإنجليزية والكردية والصومالية عند الطلب.',
				documents: ''
			},
			en: {
				name: "Women's helpline and safe space",
				description:
					'A 24-hour phone line for women and girls who have survived violence, and a safe space at the centre offering listening and referral to medical, legal and shelter services. Everything you say stays confidential.',
				eligibility: 'Women and girls aged 14 and over.',
				applicationProcess:
					'Call at any time or come to the centre; no appointment or documents needed.',
				feesDescription: 'Free of charge',
				interpretation: 'English, Kurdish and Somali on request.',
				documents: ''
			},
			fr: {
				name: "Ligne d'écoute et espace sûr pour les femmes",
				description:
					"Une ligne téléphonique ouverte 24 h sur 24 pour les femmes et les filles victimes de violences, et un espace sûr au centre pour l'écoute et l'orientation vers les services médicaux, juridiques et d'hébergement. Tout ce que vous dites reste confidentiel.",
				eligibility: 'Femmes et filles à partir de 14 ans.',
				applicationProcess:
					'Appelez à toute heure ou venez au centre ; ni rendez-vous ni papiers nécessaires.',
				feesDescription: 'Gratuit',
				interpretation: 'Anglais, kurde et somali sur demande.',
				documents: ''
			},
			es: {
				name: 'Línea de apoyo y espacio seguro para mujeres',
				description:
					'Una línea telefónica abierta las 24 horas para mujeres y niñas sobrevivientes de violencia, y un espacio seguro en el centro con escucha y derivación a servicios médicos, jurídicos y de alojamiento. Todo lo que cuentes es confidencial.',
				eligibility: 'Mujeres y niñas a partir de 14 años.',
				applicationProcess:
					'Llama a cualquier hora o ven al centro; no hace falta cita ni documentos.',
				feesDescription: 'Gratuito',
				interpretation: 'Inglés, kurdo y somalí bajo petición.',
				documents: ''
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000011',
		organisation: 'city-welcome-desk',
		location: 'dublin',
		needs: ['social-protection', 'health'],
		languages: ['en', 'ar', 'uk', 'pt', 'ka', 'so'],
		cost: null,
		hours: [[WEEKDAYS, '09:30', '16:30']],
		email: 'welcome@citydesk.example.org',
		texts: {
			en: {
				name: 'Newcomer registration and medical cards',
				description:
					'One visit to register with the city, apply for a PPS number and a medical card, and find a family doctor. Staff explain which benefits you may be entitled to and book interpreters for follow-up appointments.',
				eligibility:
					'Anyone who has recently arrived in the city, including international protection applicants.',
				applicationProcess: 'Walk in on weekdays; arrive before 3 pm to be seen the same day.',
				feesDescription: 'Free of charge',
				interpretation:
					'Interpreters on request in Arabic, Ukrainian, Portuguese, Georgian and Somali.',
				documents: 'Passport or other identity document\nProof of address, if you have one'
			},
			fr: {
				name: 'Enregistrement des nouveaux arrivants et cartes de soins',
				description:
					"Une seule visite pour s'enregistrer auprès de la ville, demander un numéro PPS et une carte de soins, et trouver un médecin de famille. L'équipe explique les aides auxquelles vous pouvez avoir droit et réserve des interprètes pour les rendez-vous suivants.",
				eligibility:
					'Toute personne récemment arrivée dans la ville, y compris les demandeurs de protection internationale.',
				applicationProcess:
					'Sans rendez-vous en semaine ; venez avant 15 h pour être reçu le jour même.',
				feesDescription: 'Gratuit',
				interpretation:
					'Interprètes sur demande en arabe, ukrainien, portugais, géorgien et somali.',
				documents:
					"Passeport ou autre pièce d'identité\nJustificatif de domicile, si vous en avez un"
			},
			es: {
				name: 'Registro de recién llegados y tarjeta sanitaria',
				description:
					'En una sola visita puedes registrarte en el ayuntamiento, solicitar el número PPS y la tarjeta médica, y encontrar médico de cabecera. El personal explica a qué ayudas puedes tener derecho y reserva intérpretes para las citas siguientes.',
				eligibility:
					'Cualquier persona recién llegada a la ciudad, incluidas las solicitantes de protección internacional.',
				applicationProcess:
					'Sin cita de lunes a viernes; llega antes de las 15:00 para ser atendido el mismo día.',
				feesDescription: 'Gratuito',
				interpretation:
					'Intérpretes bajo petición en árabe, ucraniano, portugués, georgiano y somalí.',
				documents:
					'Pasaporte u otro documento de identidad\nJustificante de domicilio, si lo tienes'
			},
			ar: {
				name: 'تسجيل القادمين الجدد وبطاقات الرعاية الصحية',
				description:
					'في زيارة واحدة يمكنك التسجيل لدى البلدية وطلب رقم الخدمة الشخصية العامة (PPS) والبطاقة الطبية وإيجاد طبيب عائلة. يشرح الموظفون الإعانات التي قد يحق لك الحصول عليها ويحجزون مترجمين للمواعيد اللاحقة.',
				eligibility: 'كل من وصل حديثاً إلى المدينة، بمن فيهم طالبو الحماية الدولية.',
				applicationProcess:
					'تعال دون موعد في أيام الأسبوع، واحضر قبل الساعة الثالثة بعد الظهر لتُستقبل في اليوم نفسه.',
				feesDescription: 'مجاني',
				interpretation: 'مترجمون عند الطلب للعربية والأوكرانية والبرتغالية والجورجية والصومالية.',
				documents: 'جواز السفر أو وثيقة هوية أخرى\nإثبات العنوان إن وُجد'
			}
		}
	},
	{
		id: '0d3e5a17-7c2b-4e51-9a60-000000000012',
		organisation: 'city-welcome-desk',
		location: 'dublin',
		needs: ['education', 'family-reunification'],
		languages: ['en', 'ar', 'uk'],
		cost: null,
		hours: [
			[WEEKDAYS, '09:30', '16:30'],
			['TH', '17:00', '20:00']
		],
		email: 'families@citydesk.example.org',
		texts: {
			en: {
				name: 'School places and family reunification help',
				description:
					'Help to find a school place for your children, apply for the school transport and books scheme, and prepare a family reunification application, with a caseworker who follows your file.',
				eligibility:
					'Families living in the city who have a residence permission or international protection.',
				applicationProcess:
					'Book an appointment at the desk or by email; Thursday evening appointments for working parents.',
				feesDescription: 'Free of charge',
				interpretation: 'Interpreters on request.',
				documents: "Children's birth certificates\nResidence permission or protection decision"
			},
			fr: {
				name: 'Aide à la scolarisation et au regroupement familial',
				description:
					"Aide pour trouver une place à l'école pour vos enfants, demander le transport scolaire et l'aide aux fournitures, et préparer une demande de regroupement familial, avec un référent qui suit votre dossier.",
				eligibility:
					"Familles vivant dans la ville, titulaires d'un titre de séjour ou d'une protection internationale.",
				applicationProcess:
					'Prenez rendez-vous au guichet ou par courriel ; rendez-vous le jeudi soir pour les parents qui travaillent.',
				feesDescription: 'Gratuit',
				interpretation: 'Interprètes sur demande.',
				documents: 'Actes de naissance des enfants\nTitre de séjour ou décision de protection'
			},
			es: {
				name: 'Ayuda con la escolarización y la reagrupación familiar',
				description:
					'Ayuda para encontrar plaza escolar para tus hijos, solicitar el transporte escolar y la ayuda para libros, y preparar una solicitud de reagrupación familiar, con una persona de referencia que sigue tu expediente.',
				eligibility:
					'Familias que viven en la ciudad con permiso de residencia o protección internacional.',
				applicationProcess:
					'Pide cita en la oficina o por correo electrónico; los jueves por la tarde hay citas para quienes trabajan.',
				feesDescription: 'Gratuito',
				interpretation: 'Intérpretes bajo petición.',
				documents:
					'Certificados de nacimiento de los hijos\nPermiso de residencia o resolución de protección'
			},
			ar: {
				name: 'المساعدة في التسجيل المدرسي ولمّ شمل الأسرة',
				description:
					'مساعدة في إيجاد مقعد مدرسي لأطفالك، وطلب النقل المدرسي ومساعدة الكتب، وتحضير طلب لمّ شمل الأسرة، مع مسؤول حالة يتابع ملفك.',
				eligibility: 'العائلات المقيمة في المدينة الحاصلة على إذن إقامة أو حماية دولية.',
				applicationProcess:
					'احجز موعداً في المكتب أو عبر البريد الإلكتروني، وتتوفر مواعيد مساء الخميس للأهل العاملين.',
				feesDescription: 'مجاني',
				interpretation: 'مترجمون عند الطلب.',
				documents: 'شهادات ميلاد الأطفال\nإذن الإقامة أو قرار الحماية'
			}
		}
	}
];

const LOCALES: Locale[] = ['en', 'fr', 'es', 'ar'];
const DAY = 24 * 60 * 60 * 1000;

function locationDoc(l: DemoLocation, organisationId: string): HsdsLocation {
	return {
		id: l.id,
		location_type: 'physical',
		organization_id: organisationId,
		name: l.name,
		latitude: l.latitude,
		longitude: l.longitude,
		addresses: [
			{
				id: randomUUID(),
				location_id: l.id,
				address_1: l.address1,
				city: l.city,
				state_province: '',
				postal_code: l.postalCode,
				country: l.country,
				address_type: 'physical'
			}
		],
		accessibility: l.accessibility
			? [{ id: randomUUID(), location_id: l.id, description: l.accessibility }]
			: []
	};
}

function serviceDoc(s: DemoService, texts: ServiceTexts, organisationId: string, verified: Date) {
	const doc: HsdsService = {
		id: s.id,
		organization_id: organisationId,
		name: texts.name,
		status: 'active',
		description: texts.description,
		email: s.email,
		eligibility_description: texts.eligibility,
		application_process: texts.applicationProcess,
		fees_description: texts.feesDescription,
		interpretation_services: texts.interpretation || undefined,
		minimum_age: s.minimumAge,
		maximum_age: s.maximumAge,
		assured_date: verified.toISOString().slice(0, 10),
		last_modified: verified.toISOString(),
		schedules: s.hours.map(([byday, opens, closes]) => ({
			id: randomUUID(),
			service_id: s.id,
			freq: 'WEEKLY',
			wkst: 'MO',
			byday,
			opens_at: opens,
			closes_at: closes
		})),
		languages: s.languages.map((code) => ({
			id: randomUUID(),
			service_id: s.id,
			code,
			name: languageName(code, 'en')
		})),
		cost_options: [
			s.cost
				? {
						id: randomUUID(),
						service_id: s.id,
						option: texts.feesDescription,
						amount: s.cost.amount,
						currency: s.cost.currency
					}
				: { id: randomUUID(), service_id: s.id, option: 'Free of charge', amount: 0 }
		],
		required_documents: texts.documents
			.split('\n')
			.filter(Boolean)
			.map((document) => ({ id: randomUUID(), service_id: s.id, document })),
		attributes: s.needs.map((code) => ({
			id: randomUUID(),
			taxonomy_term_id: DEFAULT_TERMS.find((t) => t.code === code)!.id,
			link_entity: 'service',
			link_id: s.id,
			link_type: 'service_type'
		}))
	};
	for (const key of Object.keys(doc)) if (doc[key] === undefined) delete doc[key];
	return doc;
}

/**
 * Seeds the demo services once per database (a marker row makes later starts skip it), for the demo
 * organisations that exist; published and verified a few days ago.
 */
export async function seedDemoServices(db: Db, now = new Date()): Promise<boolean> {
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(setting)
			.values({ key: 'demo_services_seeded', value: now.toISOString() })
			.onConflictDoNothing()
			.returning({ key: setting.key });
		if (!inserted.length) return false;
		const orgs = await tx
			.select({
				id: organisation.id,
				slug: organisation.slug,
				contentLocale: organisation.contentLocale
			})
			.from(organisation)
			.where(inArray(organisation.slug, [...new Set(DEMO_SERVICES.map((s) => s.organisation))]));
		const bySlug = new Map(orgs.map((o) => [o.slug, o]));
		const stored = new Set<string>();
		for (const [i, s] of DEMO_SERVICES.entries()) {
			const org = bySlug.get(s.organisation);
			if (!org) continue;
			const place: DemoLocation = LOCATIONS[s.location];
			if (!stored.has(place.id)) {
				await storeLocation(tx, {
					doc: locationDoc(place, org.id),
					organisationId: org.id,
					timeZone: place.timeZone
				});
				stored.add(place.id);
			}
			const locale = (LOCALES as string[]).includes(org.contentLocale)
				? (org.contentLocale as Locale)
				: 'en';
			const verified = new Date(now.getTime() - (2 + i) * DAY);
			await storeService(tx, {
				doc: serviceDoc(s, s.texts[locale], org.id, verified),
				organisationId: org.id,
				contentLocale: locale,
				translations: Object.fromEntries(
					LOCALES.filter((l) => l !== locale).map((l) => [l, s.texts[l]])
				),
				published: true,
				verifiedAt: verified
			});
			await storeServiceAtLocation(tx, {
				id: randomUUID(),
				service_id: s.id,
				location_id: place.id
			});
			await refreshOpenings(tx, s.id, place.timeZone);
		}
		return true;
	});
}
