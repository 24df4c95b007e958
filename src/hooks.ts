import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from '#lib/paraglide/runtime.js';

// /fr/sign-in and /sign-in render the same route; the locale comes from the prefix.
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
