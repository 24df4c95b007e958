import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { readSkillsProfile } from '#lib/server/skills/profile.ts';
import { skillsPdf } from '#lib/server/skills/skills-pdf.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { hostLanguage } from '#lib/skills/host-language.ts';
import { getLocale, isLocale } from '#lib/paraglide/runtime.js';

/** The member's own skills profile as a PDF, in their language and `?beside=` side by side. */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database, config } = await app();
	const db = database.db;
	const locale = getLocale();
	const me = await findProfileRow(db, locals.user.id);
	const asked = url.searchParams.get('beside') ?? '';
	const beside =
		isLocale(asked) && asked !== locale ? asked : hostLanguage(me?.residenceCountry, locale);
	const profile = await readSkillsProfile(db, locals.user, locals.user.id, [locale, beside]);
	if (!profile) redirect(303, signInFirst(url));
	const pdf = await skillsPdf(
		{
			name: me?.name ?? locals.user.name,
			profile,
			madeOn: new Date(),
			site: new URL(config.origin).host
		},
		locale,
		beside
	);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="skills-profile-${locale}-${beside}.pdf"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
