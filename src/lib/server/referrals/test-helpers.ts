import { randomUUID } from 'node:crypto';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import type { AppContext } from '../app/context.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { storeService } from '../services/store.ts';

/** An approved organisation, with the given people as active staff (the first one its admin). */
export async function buildOrganisation(s: AppContext, name: string, staff: string[] = []) {
	const id = randomUUID();
	const slug = `org-${id.slice(0, 8)}`;
	await s.database.db.insert(organisation).values({ id, slug, name, kind: 'ngo' });
	for (const [i, userId] of staff.entries())
		await s.database.db
			.insert(organisationMember)
			.values({ organisationId: id, userId, role: i === 0 ? 'admin' : 'member', status: 'active' });
	return { id, slug, name };
}

/** A published service of an organisation, in the first term of the default taxonomy unless told. */
export async function buildService(
	s: AppContext,
	organisationId: string,
	opts: { name?: string; termId?: string; published?: boolean } = {}
) {
	const id = randomUUID();
	await storeService(s.database.db, {
		doc: {
			id,
			name: opts.name ?? 'Legal clinic',
			status: 'active',
			attributes: [{ id: randomUUID(), taxonomy_term_id: opts.termId ?? DEFAULT_TERMS[0].id }]
		},
		organisationId,
		published: opts.published ?? true
	});
	return id;
}

/** A filled-in referral form with the person's consent to share everything. */
export function referralFormFor(
	serviceId: string,
	fromOrganisationId: string,
	overrides: Record<string, unknown> = {}
) {
	return {
		serviceId,
		fromOrganisationId,
		name: 'Amina Yusuf',
		contact: '',
		language: 'ar',
		notes: 'Needs an interpreter.',
		shared: ['name', 'contact', 'language', 'notes'],
		purpose: 'Help with a residence permit application',
		method: 'verbal',
		agreed: true,
		...overrides
	};
}
