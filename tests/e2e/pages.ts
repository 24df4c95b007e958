/** Every page that exists, with whether it needs someone signed in (and who). */
export const PAGES: { path: string; who: 'visitor' | 'member' | 'admin' }[] = [
	{ path: '', who: 'visitor' },
	{ path: '/sign-in', who: 'visitor' },
	{ path: '/sign-in/phone', who: 'visitor' },
	{ path: '/sign-up', who: 'visitor' },
	{ path: '/check-email', who: 'visitor' },
	{ path: '/forgot-password', who: 'visitor' },
	{ path: '/reset-password?token=abc', who: 'visitor' },
	{ path: '/verified', who: 'visitor' },
	{ path: '/account', who: 'member' },
	{ path: '/admin', who: 'admin' },
	{ path: '/admin/people', who: 'admin' },
	{ path: '/admin/settings', who: 'admin' },
	{ path: '/admin/outbox', who: 'admin' }
];
