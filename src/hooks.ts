import type { Reroute } from '@sveltejs/kit/hooks';
import { withoutLocale } from '#lib/i18n/locale-path.ts';

// /fr/sign-in and /sign-in render the same route; the locale comes from the prefix.
export const reroute: Reroute = ({ url }) => withoutLocale(url.pathname);
