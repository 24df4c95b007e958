import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Storage } from '../platform/storage.ts';
import type { Actor } from '../accounts/policy.ts';
import { type StoredImage } from '../members/schema.ts';
import { organisation } from './schema.ts';
import { processLogo } from '../platform/logo-image.ts';
import { organisationAccess } from './access.ts';
import { failure, ok, type Result } from '../platform/result.ts';

export const organisationLogoKey = (organisationId: string, version: string) =>
	`organisations/${organisationId.replace(/[^a-z0-9-]/gi, '').toLowerCase()}/logo-${version}.webp`;

/** An organisation's admins set its logo: checked by content, resized, WebP without metadata. */
export async function saveOrganisationLogo(
	deps: { db: Db; storage: Storage },
	actor: Actor,
	organisationId: string,
	data: Buffer
): Promise<Result<StoredImage>> {
	const access = await organisationAccess(deps.db, actor, { id: organisationId });
	if (!access) return failure('not_found');
	if (!access.may('manage')) return failure('forbidden');
	const [org] = await deps.db
		.select({ id: organisation.id, logo: organisation.logo })
		.from(organisation)
		.where(eq(organisation.id, organisationId));
	const processed = await processLogo(data);
	if (!processed) return failure('invalid', { logo: 'error_logo_invalid' });
	const logo: StoredImage = {
		version: Date.now().toString(36),
		width: processed.width,
		height: processed.height
	};
	await deps.storage.put(organisationLogoKey(org.id, logo.version), processed.out);
	await deps.db
		.update(organisation)
		.set({ logo, updatedAt: new Date() })
		.where(eq(organisation.id, org.id));
	if (org.logo) await deps.storage.remove(organisationLogoKey(org.id, org.logo.version));
	return ok(logo);
}

/** The logo file of an approved organisation (logos are public once it is), or null. */
export async function publicLogo(deps: { db: Db; storage: Storage }, id: string) {
	const [org] = await deps.db
		.select({ id: organisation.id, status: organisation.status, logo: organisation.logo })
		.from(organisation)
		.where(eq(organisation.id, id));
	if (!org?.logo || org.status !== 'approved') return null;
	return deps.storage.get(organisationLogoKey(org.id, org.logo.version));
}
