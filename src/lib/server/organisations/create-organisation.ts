import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { organisationForm } from '#lib/organisations/forms.ts';
import type { FieldErrors } from '#lib/accounts/schemas.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation, organisationMember } from './schema.ts';
import { searchKey } from '../search/normalise.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { canOrg } from './policy.ts';

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

/** Any member may propose an organisation; it stays pending until an administrator approves it. */
export async function createOrganisation(
	db: Db,
	actor: Actor,
	raw: unknown
): Promise<Result<{ id: string; slug: string }>> {
	if (!actor) return failure('forbidden');
	const parsed = organisationForm.safeParse(raw);
	if (!parsed.success) {
		const errors: FieldErrors = {};
		for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
		return failure('invalid', errors);
	}
	const input = parsed.data;
	const id = randomUUID();
	const slug = slugFor(input.name);
	// Those who approve organisations need no one to approve theirs.
	const autoApprove = canOrg(actor, 'approve', { status: 'pending' }, null);
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
	return ok({ id, slug });
}
