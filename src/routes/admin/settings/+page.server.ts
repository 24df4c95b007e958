import type { Actions, PageServerLoad } from './$types';
import { app } from '#lib/server/app/app.ts';
import { getBranding, saveBranding, type LogoChange } from '#lib/server/admin/branding.ts';
import { readForm } from '#lib/http/read-form.ts';
import { failForm } from '#lib/http/answer.ts';

export const load: PageServerLoad = async () => {
	const { database } = await app();
	const b = await getBranding(database.db);
	return {
		settings: {
			name: b.name,
			primary: b.primary,
			accent: b.accent,
			locales: b.locales,
			hasLogo: !!b.logo
		}
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await readForm(request);
		const values = {
			name: form.text('name').slice(0, 300),
			primary: form.text('primary').slice(0, 20),
			accent: form.text('accent').slice(0, 20),
			locales: form.data.getAll('locales').filter((v): v is string => typeof v === 'string')
		};
		const file = form.data.get('logo');
		let logo: LogoChange = { kind: 'keep' };
		if (form.text('removeLogo') === 'yes') logo = { kind: 'remove' };
		else if (file instanceof File && file.size > 0)
			logo = { kind: 'replace', data: Buffer.from(await file.arrayBuffer()) };
		const { database, storage } = await app();
		const result = await saveBranding({ db: database.db, storage }, locals.user, values, logo);
		return result.ok ? { saved: true } : failForm(result, values);
	}
};
