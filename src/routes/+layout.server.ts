import type { LayoutServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getBranding } from '#lib/server/admin/branding.ts';
import { can } from '#lib/server/accounts/policy.ts';
import { canModerate } from '#lib/server/moderation/policy.ts';
import { unreadCount, UNREAD_SHOWN } from '#lib/server/notifications/notices.ts';
import { unreadConversations } from '#lib/server/messages/read.ts';
import { needsName } from '#lib/server/accounts/phone-sign-in.ts';
import { demoContentRemains } from '#lib/server/admin/demo-content.ts';
import { localizeHref } from '#lib/i18n/locale-path.ts';
import { redirect } from '@sveltejs/kit';

// Pages are server-rendered and work without JavaScript; none ships client code.
export const csr = false;

export const load: LayoutServerLoad = async ({ locals, route }) => {
	// A phone account made by its first code is named before anything else.
	if (needsName(locals.user) && route.id !== '/welcome' && route.id !== '/sign-out')
		redirect(303, localizeHref('/welcome'));
	const { database } = await app();
	const branding = await getBranding(database.db);
	const isAdmin = can(locals.user, 'admin.view');
	return {
		user: locals.user ? { name: locals.user.name } : null,
		// One indexed count per signed-in page; the header shows it only when there is news.
		unread: locals.user ? await unreadCount(database.db, locals.user.id) : 0,
		// Conversations with news (not muted): one probe per conversation of the member.
		messagesUnread: locals.user ? await unreadConversations(database.db, locals.user.id) : 0,
		isAdmin,
		// Administrators are reminded on every page while example content remains (two index probes).
		demoRemains:
			isAdmin && route.id !== '/admin/demo' ? await demoContentRemains(database.db) : false,
		unreadShown: UNREAD_SHOWN,
		// Set by the rate-limit hook when it refused a form: the page says so above its content.
		rateLimited: !!locals.rateLimited,
		// A suspended account is told on every page, and when a form it sent was refused.
		suspendedUntil: locals.user?.suspendedUntil?.toISOString() ?? null,
		suspendedRefusal: !!locals.suspendedRefusal,
		isModerator: canModerate(locals.user, 'queue.read'),
		brand: {
			name: branding.name,
			logo: branding.logo ? { ...branding.logo } : null,
			locales: branding.locales
		}
	};
};
