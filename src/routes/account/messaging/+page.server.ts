import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { messageAudience, setMessageAudience } from '#lib/server/messages/settings.ts';
import { blockedByMe, unblockMember } from '#lib/server/members/blocks.ts';
import { parseId } from '#lib/http/ids.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';
import { signInFirst } from '#lib/http/next-path.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, signInFirst(url));
	const { database } = await app();
	return {
		allow: await messageAudience(database.db, locals.user.id),
		blocked: (await blockedByMe(database.db, locals.user.id)).map((b) => ({
			id: b.id,
			name: b.name
		}))
	};
};

export const actions: Actions = {
	audience: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const allow = (await readForm(request)).text('allow');
		const { database } = await app();
		const result = await setMessageAudience(database.db, locals.user, { allow });
		return result.ok ? { saved: 'audience' } : failForm(result, { allow });
	},
	unblock: async ({ locals, request, url }) => {
		if (!locals.user) redirect(303, signInFirst(url));
		const id = parseId('id', (await readForm(request)).text('member'));
		const { database } = await app();
		if (id) await unblockMember(database.db, locals.user, id);
		return { saved: 'unblock' };
	}
};
