import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/locale-path.ts';

/** Starts an OpenID Connect sign-in: the state and PKCE cookies are set here, then the provider takes over. */
export const GET: RequestHandler = async ({ params, request }) => {
	const { auth, config } = await app();
	const provider = config.oidcProviders.find((p) => p.id === params.id);
	if (!provider) error(404, 'Not found');
	const locale = getLocale();
	let url: string | undefined;
	try {
		const result = await auth.api.signInSocial({
			body: {
				provider: provider.id,
				callbackURL: localizeHref('/account', { locale }),
				newUserCallbackURL: localizeHref('/account', { locale }),
				errorCallbackURL: localizeHref('/sign-in?error=provider', { locale })
			},
			headers: request.headers
		});
		url = result?.url;
	} catch {
		url = undefined;
	}
	if (!url) redirect(303, localizeHref('/sign-in?error=provider', { locale }));
	// To the provider (another origin): SvelteKit's redirect() only goes to this site.
	return new Response(null, { status: 303, headers: { location: url } });
};
