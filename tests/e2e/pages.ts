import type { APIRequestContext } from '@playwright/test';
import { APP_ORIGIN } from './stack/ports.ts';
import { sessionCookie } from './support.ts';

/** Every page that exists, with whether it needs someone signed in. `:member` is a demo profile. */
export const PAGES: { path: string; who: 'visitor' | 'member' | 'admin' }[] = [
	{ path: '', who: 'visitor' },
	{ path: '/sign-in', who: 'visitor' },
	{ path: '/sign-in/phone', who: 'visitor' },
	{ path: '/sign-up', who: 'visitor' },
	{ path: '/check-email', who: 'visitor' },
	{ path: '/forgot-password', who: 'visitor' },
	{ path: '/reset-password?token=abc', who: 'visitor' },
	{ path: '/verified', who: 'visitor' },
	{ path: '/members', who: 'visitor' },
	{ path: '/members?q=helene', who: 'visitor' },
	{ path: '/members?type=organisations&q=red', who: 'visitor' },
	{ path: '/members/:member', who: 'visitor' },
	{ path: '/organisations/maison-des-diasporas', who: 'visitor' },
	{ path: '/map', who: 'visitor' },
	{ path: '/map?origin=sy', who: 'visitor' },
	{ path: '/countries', who: 'visitor' },
	{ path: '/countries/sy', who: 'visitor' },
	{ path: '/services', who: 'visitor' },
	{ path: '/services?need=legal&place=Paris', who: 'visitor' },
	{ path: '/services/:service', who: 'visitor' },
	{ path: '/stories', who: 'visitor' },
	{ path: '/stories/:story', who: 'visitor' },
	{ path: '/events', who: 'visitor' },
	{ path: '/events/:event', who: 'visitor' },
	{ path: '/communities', who: 'visitor' },
	{ path: '/communities/:community', who: 'visitor' },
	{ path: '/communities/:community/t/:thread', who: 'visitor' },
	{ path: '/library', who: 'visitor' },
	{ path: '/library?q=help&theme=rights', who: 'visitor' },
	{ path: '/library/:resource', who: 'visitor' },
	{ path: '/courses', who: 'visitor' },
	{ path: '/opportunities', who: 'visitor' },
	{ path: '/opportunities?type=job&country=FR', who: 'visitor' },
	{ path: '/opportunities/:opportunity', who: 'visitor' },
	{ path: '/mentoring', who: 'visitor' },
	{ path: '/mentoring/:programme', who: 'visitor' },
	{ path: '/certificates/verify', who: 'visitor' },
	{ path: '/courses/:course', who: 'visitor' },
	{ path: '/courses/:course/:lesson', who: 'visitor' },
	{ path: '/courses/:course/:quiz', who: 'member' },
	{ path: '/account', who: 'member' },
	{ path: '/account/data', who: 'member' },
	{ path: '/account/waiting', who: 'member' },
	{ path: '/account/notifications', who: 'member' },
	{ path: '/account/messaging', who: 'member' },
	{ path: '/account/moderation', who: 'member' },
	{ path: '/account/skills', who: 'member' },
	{ path: '/account/skills?find=care&kind=skill', who: 'member' },
	{ path: '/organisations/:own/skills', who: 'admin' },
	{ path: '/communities/new', who: 'member' },
	{ path: '/events/new', who: 'member' },
	{ path: '/stories/new', who: 'member' },
	{ path: '/library/new', who: 'member' },
	{ path: '/opportunities', who: 'member' },
	{ path: '/opportunities/new', who: 'member' },
	{ path: '/opportunities/mine', who: 'member' },
	{ path: '/mentoring/new', who: 'member' },
	{ path: '/opportunities/:opportunity/report', who: 'member' },
	{ path: '/mentoring/:programme', who: 'member' },
	{ path: '/opportunities/:posted/applications', who: 'admin' },
	{ path: '/opportunities/:opportunity/applications/:application', who: 'admin' },
	{ path: '/courses/new', who: 'member' },
	{ path: '/courses/:course/edit', who: 'admin' },
	{ path: '/courses/:course/edit/:quiz', who: 'admin' },
	{ path: '/library/new?translationOf=:resource', who: 'member' },
	{ path: '/library/:resource/report', who: 'member' },
	{ path: '/account/calendar', who: 'member' },
	{ path: '/members/:member/report', who: 'member' },
	{ path: '/report/sent?back=/members', who: 'member' },
	{ path: '/messages', who: 'member' },
	{ path: '/messages/new?to=:member', who: 'member' },
	{ path: '/messages/:conversation', who: 'member' },
	{ path: '/profile', who: 'member' },
	{ path: '/profile?esco=nurse', who: 'member' },
	{ path: '/organisations/new', who: 'member' },
	{ path: '/referrals', who: 'member' },
	{ path: '/referrals/new?service=:service', who: 'member' },
	{ path: '/admin', who: 'admin' },
	{ path: '/admin/people', who: 'admin' },
	{ path: '/admin/settings', who: 'admin' },
	{ path: '/admin/organisations', who: 'admin' },
	{ path: '/admin/outbox', who: 'admin' },
	{ path: '/admin/referrals', who: 'admin' },
	{ path: '/admin/audit', who: 'admin' },
	{ path: '/admin/demo', who: 'admin' },
	{ path: '/services/review', who: 'admin' },
	{ path: '/moderation', who: 'admin' },
	{ path: '/moderation?view=decided', who: 'admin' }
];

/** Pages the page-weight budget applies to (the core pages of budgets.md that exist). */
export const CORE = new Set([
	'',
	'/sign-in',
	'/members',
	'/members?q=helene',
	'/members/:member',
	'/map',
	'/map?origin=sy',
	'/countries/sy',
	'/organisations/maison-des-diasporas',
	'/services',
	'/services?need=legal&place=Paris',
	'/services/:service',
	'/library',
	'/library/:resource',
	'/courses',
	'/courses/:course',
	'/courses/:course/:lesson'
]);

let member: string | undefined;
let service: string | undefined;
let community: { slug: string; thread: string } | undefined;

/** The first example community of the list (Arabic, most recently active) and its first thread. */
async function demoCommunity(request: APIRequestContext) {
	if (!community) {
		const list = await (await request.get('/en/communities')).text();
		const slug = list.match(/<h2><a href="\/en\/communities\/([^"/?]+)"/)![1];
		const page = await (await request.get(`/en/communities/${slug}`)).text();
		const thread = page.match(new RegExp(`/communities/${slug}/t/([0-9a-f-]{36})`))![1];
		community = { slug, thread };
	}
	return community;
}

let demoEvent: string | undefined;
let demoStory: string | undefined;

let conversation: string | undefined;
let demoResource: string | undefined;
let demoOpportunity: string | undefined;
let demoProgramme: string | undefined;
let demoCourse: { slug: string; lesson: string; quiz: string } | undefined;

/** A conversation the administrator (whose session the member pages use) starts with `:member`. */
async function adminConversation(request: APIRequestContext) {
	if (!conversation) {
		const to = await resolvePath(request, ':member');
		const response = await request.post(`/en/messages/new?/start`, {
			headers: { cookie: sessionCookie(), origin: APP_ORIGIN, accept: 'text/html' },
			form: { to, body: 'Hello, I would like to learn more about your work.' },
			maxRedirects: 0
		});
		const location = response.headers().location ?? '';
		if (response.status() !== 303)
			throw new Error(`starting a conversation: ${response.status()} ${await response.text()}`);
		conversation = location.match(/\/messages\/([0-9a-f-]{36})/)![1];
	}
	return conversation;
}

let own: string | undefined;

/** An organisation the administrator runs (approved at once), for its staff's pages. */
async function adminOrganisation(request: APIRequestContext) {
	if (!own) {
		const response = await request.post('/en/organisations/new', {
			headers: { cookie: sessionCookie(), origin: APP_ORIGIN, accept: 'text/html' },
			form: {
				name: `Budget desk ${Date.now().toString(36)}`,
				kind: 'ngo',
				description: 'An organisation for the page checks.',
				countries: 'FR',
				contentLocale: 'en'
			},
			maxRedirects: 0
		});
		if (response.status() !== 303)
			throw new Error(`creating an organisation: ${response.status()} ${await response.text()}`);
		own = (response.headers().location ?? '').match(/\/organisations\/([^/?]+)/)![1];
	}
	return own;
}

let posted: string | undefined;
let application: string | undefined;

/** An opportunity the administrator posts (published at once: they moderate). */
async function adminOpportunity(request: APIRequestContext) {
	if (!posted) {
		const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
		const response = await request.post('/en/opportunities/new', {
			headers: { cookie: sessionCookie(), origin: APP_ORIGIN, accept: 'text/html' },
			form: {
				type: 'volunteering',
				title: 'Volunteer drivers for the welcome desk',
				description: 'Drive newcomers to their first appointments, two mornings a month.',
				language: 'en',
				workplace: 'on_site',
				'country-0': 'FR',
				required: '',
				optional: '',
				deadline
			},
			maxRedirects: 0
		});
		if (response.status() !== 303)
			throw new Error(`posting an opportunity: ${response.status()} ${await response.text()}`);
		posted = (response.headers().location ?? '').match(/\/opportunities\/([0-9a-f-]{36})/)![1];
	}
	return posted;
}

/** The path of the administrator's application to a demo opportunity (the applicant's view). */
async function adminApplication(request: APIRequestContext, opportunityPath: string) {
	if (!application) {
		const response = await request.post(`/en${opportunityPath}?/apply`, {
			headers: { cookie: sessionCookie(), origin: APP_ORIGIN, accept: 'text/html' },
			form: { kind: 'interest', message: 'Interested: I volunteer on weekends.' },
			maxRedirects: 0
		});
		// Another suite of this run may have applied already: the account's list has it then.
		const where =
			response.status() === 303
				? (response.headers().location ?? '')
				: await (
						await request.get('/en/opportunities/mine', { headers: { cookie: sessionCookie() } })
					).text();
		application = where.match(/\/opportunities\/[0-9a-f-]{36}\/applications\/[0-9a-f-]{36}/)![0];
	}
	return application;
}

export async function resolvePath(request: APIRequestContext, path: string): Promise<string> {
	if (path.includes(':course')) {
		if (!demoCourse) {
			const list = (await (await request.get('/api/v1/courses?language=en')).json()) as {
				items: { slug: string }[];
			};
			const slug = list.items[0].slug;
			const one = (await (await request.get(`/api/v1/courses/${slug}`)).json()) as {
				modules: { lessons: { id: string; kind: string }[] }[];
			};
			const lessons = one.modules.flatMap((m) => m.lessons);
			demoCourse = {
				slug,
				lesson: lessons.find((l) => l.kind === 'text')!.id,
				quiz: lessons.find((l) => l.kind === 'quiz')!.id
			};
		}
		return path
			.replace(':course', demoCourse.slug)
			.replace(':lesson', demoCourse.lesson)
			.replace(':quiz', demoCourse.quiz);
	}
	if (path.includes(':own')) return path.replace(':own', await adminOrganisation(request));
	if (path.includes(':posted')) return path.replace(':posted', await adminOpportunity(request));
	if (path.includes(':application')) {
		const opportunityPath = await resolvePath(request, '/opportunities/:opportunity');
		return adminApplication(request, opportunityPath);
	}
	if (path.includes(':programme')) {
		demoProgramme ??= (await (await request.get('/en/mentoring')).text()).match(
			/href="\/en\/mentoring\/([0-9a-f-]{36})"/
		)![1];
		return path.replace(':programme', demoProgramme);
	}
	if (path.includes(':opportunity')) {
		demoOpportunity ??= (
			(await (await request.get('/api/v1/opportunities?type=job')).json()) as {
				items: { id: string }[];
			}
		).items[0].id;
		return path.replace(':opportunity', demoOpportunity);
	}
	if (path.includes(':resource')) {
		demoResource ??= (
			(await (await request.get('/api/v1/resources?language=en')).json()) as {
				items: { id: string }[];
			}
		).items[0].id;
		return path.replace(':resource', demoResource);
	}
	if (path.includes(':conversation'))
		return path.replace(':conversation', await adminConversation(request));
	if (path.includes(':story')) {
		demoStory ??= (await (await request.get('/en/stories')).text()).match(
			/href="\/en\/stories\/([0-9a-f-]{36})"/
		)![1];
		return path.replace(':story', demoStory);
	}
	if (path.includes(':event')) {
		demoEvent ??= (
			(await (await request.get('/api/v1/events')).json()) as { items: { id: string }[] }
		).items[0].id;
		return path.replace(':event', demoEvent);
	}
	if (path.includes(':community')) {
		const c = await demoCommunity(request);
		return path.replace(':community', c.slug).replace(':thread', c.thread);
	}
	if (path.includes(':service')) {
		if (!service) {
			const response = await request.get('/api/hsds/services?search=legal%20advice%20newcomers');
			service = ((await response.json()) as { contents: { id: string }[] }).contents[0].id;
		}
		return path.replace(':service', service);
	}
	if (!path.includes(':member')) return path;
	if (!member) {
		const response = await request.get('/api/v1/members?q=helene');
		member = ((await response.json()) as { items: { id: string }[] }).items[0].id;
	}
	return path.replace(':member', member);
}
