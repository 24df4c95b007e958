import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '#lib/server/app/app.ts';
import { readSkillsProfile } from '#lib/server/skills/profile.ts';
import { skillsPdf } from '#lib/server/skills/skills-pdf.ts';
import { findProfileRow } from '#lib/server/members/get-profile.ts';
import { signInFirst } from '#lib/http/next-path.ts';
import { parseId } from '#lib/http/ids.ts';
import { mayFillFor } from '#lib/server/skills/consent.ts';
import { hostLanguage } from '#lib/skills/host-language.ts';
import { getLocale, isLocale } from '#lib/paraglide/runtime.js';

/**
 * The member's own skills profile as a PDF, in their language and `?beside=` side by side; or
 * (`?for=`) that of a person who let the reader's organisation fill it with them, to hand over.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database, config } = await app();
	const db = database.db;
	const locale = getLocale();
	// Someone who let the reader's organisation fill their profile with them: theirs, while it runs.
	const other = parseId('id', url.searchParams.get('for'));
	const may = other && other !== locals.user.id ? await mayFillFor(db, locals.user, other) : null;
	const delegate = !!may;
	if (other && other !== locals.user.id && !delegate) error(404, 'Not found');
	const userId = delegate ? other! : locals.user.id;
	const me = await findProfileRow(db, userId);
	const asked = url.searchParams.get('beside') ?? '';
	const beside =
		isLocale(asked) && asked !== locale ? asked : hostLanguage(me?.residenceCountry, locale);
	const profile = await readSkillsProfile(db, locals.user, userId, [locale, beside], delegate);
	if (!profile) redirect(303, signInFirst(url));
	const pdf = await skillsPdf(
		{
			name: may?.name ?? me?.name ?? locals.user.name,
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
