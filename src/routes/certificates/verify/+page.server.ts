import type { Actions } from './$types';
import { app } from '#lib/server/app/app.ts';
import { UPLOADED_CREDENTIAL_BYTES, verifyUploaded } from '#lib/server/courses/certificates.ts';
import { failForm } from '#lib/http/answer.ts';
import { readForm } from '#lib/http/read-form.ts';

/** Checks a certificate file someone was given, without keeping it (no account needed). */
export const actions: Actions = {
	default: async ({ request }) => {
		const file = (await readForm(request)).data.get('file');
		const bytes =
			file instanceof File && file.size <= UPLOADED_CREDENTIAL_BYTES
				? new Uint8Array(await file.arrayBuffer())
				: new Uint8Array(file instanceof File ? UPLOADED_CREDENTIAL_BYTES + 1 : 0);
		const { database, config } = await app();
		const result = await verifyUploaded(database.db, config.origin, bytes);
		if (!result.ok) return failForm(result);
		if (!result.value.genuine) return { checked: true, genuine: false as const };
		const { credential: _c, ...view } = result.value.view;
		void _c;
		return { checked: true, genuine: true as const, revoked: result.value.revoked, view };
	}
};
