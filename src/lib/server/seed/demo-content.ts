/** Demo content shown on a fresh embedded install: fictional people and organisations. */
export const DEMO_ORGANISATIONS = [
	{
		slug: 'maison-des-diasporas',
		name: 'Maison des diasporas de Lyon',
		kind: 'diaspora_association',
		countryCode: 'FR',
		contentLocale: 'fr',
		description:
			"Association qui accueille les nouveaux arrivants, organise des cours de français et met en relation les membres des diasporas avec leur pays d'origine."
	},
	{
		slug: 'red-migrante-madrid',
		name: 'Red Migrante Madrid',
		kind: 'ngo',
		countryCode: 'ES',
		contentLocale: 'es',
		description:
			'ONG que acompaña a personas migrantes en sus trámites, en la búsqueda de vivienda y de empleo, con asesoría jurídica gratuita.'
	},
	{
		slug: 'jusoor-amman',
		name: 'جسور عمّان',
		kind: 'ngo',
		countryCode: 'JO',
		contentLocale: 'ar',
		description:
			'منظمة مجتمعية تقدّم الإرشاد النفسي والاجتماعي ودروس اللغة وتربط اللاجئين بالخدمات المحلية.'
	},
	{
		slug: 'city-welcome-desk',
		name: 'City Welcome Desk',
		kind: 'municipality',
		countryCode: 'IE',
		contentLocale: 'en',
		description:
			'The city one-stop shop for newcomers: registration, schools, health cards and language classes, with interpreters on request.'
	}
] as const;

export const DEMO_MEMBERS = [
	{
		name: 'Hélène Mbarga',
		residence: 'FR',
		origin: ['CM'],
		city: 'Lyon',
		languages: ['fr', 'en'],
		interests: ['santé', 'mentorat'],
		contentLocale: 'fr',
		headline: 'Infirmière, mentore pour les nouvelles arrivantes',
		bio: "Arrivée du Cameroun en 2012, j'accompagne les femmes qui reprennent des études de santé en France."
	},
	{
		name: 'Mohammed Al-Haddad',
		residence: 'DE',
		origin: ['SY'],
		city: 'Berlin',
		languages: ['ar', 'de', 'en'],
		interests: ['coding', 'teaching'],
		contentLocale: 'ar',
		headline: 'مهندس برمجيات ومتطوع في تعليم البرمجة',
		bio: 'أعيش في برلين منذ ٢٠١٦ وأساعد الشباب على دخول سوق العمل التقني.'
	},
	{
		name: 'Lucía Fernández Quispe',
		residence: 'ES',
		origin: ['PE'],
		city: 'Madrid',
		languages: ['es', 'qu'],
		interests: ['derecho', 'familia'],
		contentLocale: 'es',
		headline: 'Abogada de extranjería',
		bio: 'Peruana en Madrid. Asesoro sobre permisos de residencia y reagrupación familiar.'
	},
	{
		name: 'Amara Okafor',
		residence: 'IE',
		origin: ['NG'],
		city: 'Dublin',
		languages: ['en', 'ig'],
		interests: ['entrepreneurship', 'investment'],
		contentLocale: 'en',
		headline: 'Small-business adviser and diaspora investor',
		bio: 'Nigerian-Irish entrepreneur helping newcomers start a business and connecting investors with projects back home.'
	},
	{
		name: 'Nguyễn Thị Lan',
		residence: 'FR',
		origin: ['VN'],
		city: 'Paris',
		languages: ['vi', 'en', 'fr'],
		interests: ['interpreting'],
		contentLocale: 'en',
		headline: 'Interpreter (Vietnamese, English, French)',
		bio: 'Community interpreter for health and legal appointments.'
	},
	{
		name: 'Fatima Zahra Benali',
		residence: 'FR',
		origin: ['MA'],
		city: 'Lyon',
		languages: ['fr', 'ar'],
		interests: ['entrepreneuriat'],
		contentLocale: 'fr',
		headline: 'Cheffe de projet, réseau des entrepreneures',
		bio: 'Franco-marocaine, je coordonne des missions de transfert de compétences entre Lyon et Casablanca.'
	},
	{
		name: 'Jorge Ramírez',
		residence: 'ES',
		origin: ['CO'],
		city: 'Madrid',
		languages: ['es', 'en'],
		interests: ['enseñanza'],
		contentLocale: 'es',
		headline: 'Profesor de español para recién llegados',
		bio: 'Doy clases gratuitas de español los sábados en Madrid.'
	},
	{
		name: 'ليلى حداد',
		residence: 'JO',
		origin: ['SY'],
		city: 'عمّان',
		languages: ['ar', 'en'],
		interests: ['دعم نفسي'],
		contentLocale: 'ar',
		headline: 'أخصائية دعم نفسي واجتماعي',
		bio: 'أعمل مع العائلات القادمة حديثاً إلى عمّان وأنظم مجموعات دعم للنساء.'
	}
] as const;
