import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { errorOn } from '#lib/accounts/schemas.ts';
import { app } from '#lib/server/app/app.ts';
import { getBranding } from '#lib/server/admin/branding.ts';
import {
	endOtherSessions,
	endSession,
	listSessions,
	setLocale
} from '#lib/server/accounts/sessions.ts';
import { readForm } from '#lib/http/read-form.ts';
import { invitationsFor } from '#lib/server/organisations/invitations.ts';
import { referralsWaitingFor } from '#lib/server/referrals/person-confirmation.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { bookingsOf } from '#lib/server/appointments/reminders.ts';
import { myCourses } from '#lib/server/courses/learning.ts';
import { myResources } from '#lib/server/library/read.ts';
import { forgetSaved, savedServicesOf } from '#lib/server/services/saved-services.ts';
import { parseId } from '#lib/http/ids.ts';
import { membershipsOf } from '#lib/server/organisations/membership-data.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	const sessions = await listSessions(database.db, locals.user.id, locals.sessionId);
	const waiting =
		(await invitationsFor(database.db, locals.user)).length +
		(await referralsWaitingFor(database.db, locals.user, getLocale())).length;
	const savedServices = await savedServicesOf(database.db, locals.user.id, getLocale());
	// Every organisation the person works in, awaiting approval too (the one they just proposed).
	const organisations = (await membershipsOf(database.db, locals.user.id)).filter(
		(o) => o.status === 'active'
	);
	const now = new Date();
	const appointments = (await bookingsOf(database.db, locals.user.id)).filter(
		(a) => a.startsAt.getTime() > now.getTime()
	);
	const [courses, resources] = await Promise.all([
		myCourses(database.db, locals.user.id),
		myResources(database.db, locals.user.id)
	]);
	return {
		waiting,
		appointments,
		courses,
		resources,
		organisations: organisations.map((o) => ({ name: o.organisation, slug: o.slug })),
		savedServices: savedServices.map((v) => ({ ...v, savedAt: v.savedAt.toISOString() })),
		me: { name: locals.user.name, locale: locals.user.locale, roles: locals.user.roles },
		sessions: sessions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() }))
	};
};

export const actions: Actions = {
	forgetService: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const id = parseId('uuid', form.text('service'));
		if (!id) return fail(400, { errors: errorOn('service', 'error_generic') });
		const { database } = await app();
		await forgetSaved(database.db, locals.user, id);
		return { forgotten: true };
	},
	language: async ({ request, locals, cookies, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const locale = form.text('locale');
		const { database } = await app();
		const { locales } = await getBranding(database.db);
		if (!(locales as string[]).includes(locale))
			return fail(400, { errors: errorOn('locale', 'error_generic') });
		await setLocale(database.db, locals.user.id, locale);
		cookies.set('PARAGLIDE_LOCALE', locale, {
			path: '/',
			maxAge: 60 * 60 * 24 * 400,
			httpOnly: false,
			sameSite: 'lax'
		});
		redirect(
			303,
			localizeHref('/account?saved=1', { locale: locale as ReturnType<typeof getLocale> })
		);
	},
	endSession: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const form = await readForm(request);
		const { database } = await app();
		await endSession(database.db, locals.user.id, form.text('session').slice(0, 100));
		return { ended: true };
	},
	endOthers: async ({ locals, url }) => {
		if (!locals.user || !locals.sessionId) redirect(303, signInFirst(url));
		const { database } = await app();
		await endOtherSessions(database.db, locals.user.id, locals.sessionId);
		return { ended: true };
	}
};
