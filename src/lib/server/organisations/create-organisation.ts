import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { organisationForm } from '#lib/organisations/forms.ts';
import type { FieldErrors } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from './schema.ts';
import { searchKey } from '../search/normalise.ts';
import { writeAudit } from '../platform/audit.ts';

export function slugFor(name: string) {
	const base = searchKey(name).replace(/ /g, '-').slice(0, 50) || 'organisation';
	return `${base}-${randomUUID().slice(0, 6)}`;
}

export function organisationSearch(name: string, description: string) {
	return {
		nameKey: searchKey(name),
		search: sql`to_tsvector('simple', ${`${searchKey(name)} ${searchKey(description)}`})`
	};
}

type Result =
	{ ok: true; id: string; slug: string } | { ok: false; status: 400 | 403; errors: FieldErrors };

/** Any member may propose an organisation; it stays pending until an administrator approves it. */
export async function createOrganisation(db: Db, actor: Actor, raw: unknown): Promise<Result> {
	if (!actor) return { ok: false, status: 403, errors: {} };
	const parsed = organisationForm.safeParse(raw);
	if (!parsed.success) {
		const errors: FieldErrors = {};
		for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
		return { ok: false, status: 400, errors };
	}
	const input = parsed.data;
	const id = randomUUID();
	const slug = slugFor(input.name);
	const autoApprove = actor.roles.includes('administrator');
	await db.transaction(async (tx) => {
		await tx.insert(organisation).values({
			id,
			slug,
			name: input.name,
			kind: input.kind,
			description: input.description,
			countries: input.countries,
			countryCode: input.countries[0] ?? null,
			sectors: input.sectors,
			website: input.website || null,
			contentLocale: input.contentLocale,
			status: autoApprove ? 'approved' : 'pending',
			createdBy: actor.id,
			...organisationSearch(input.name, input.description)
		});
		await tx
			.insert(organisationMember)
			.values({ organisationId: id, userId: actor.id, role: 'admin', status: 'active' });
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'organisation.create',
			subjectType: 'organisation',
			subjectId: id
		});
	});
	return { ok: true, id, slug };
}
