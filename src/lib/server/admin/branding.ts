import { eq } from 'drizzle-orm';
import {
	DEFAULT_BRANDING,
	brandingForm,
	type Branding,
	type BrandingInput
} from '#lib/admin/branding.ts';
import type { Db } from '../db/client.ts';
import { setting } from '../platform/schema.ts';
import type { Storage } from '../platform/storage.ts';
import { rememberBrandName } from '../platform/brand-name.ts';
import { can, type Actor } from '../accounts/policy.ts';
import { writeAudit } from '../platform/audit.ts';
import { processLogo } from '../platform/logo-image.ts';
import { failure, ok, type Result } from '../platform/result.ts';

const KEY = 'branding';
const CACHE_MS = 5_000;
let cache: { value: Branding; at: number } | undefined;

export async function getBranding(db: Db): Promise<Branding> {
	if (cache && Date.now() - cache.at < CACHE_MS) return cache.value;
	const [row] = await db.select({ value: setting.value }).from(setting).where(eq(setting.key, KEY));
	const stored = (row?.value ?? {}) as Partial<Branding>;
	const parsed = brandingForm.safeParse({ ...DEFAULT_BRANDING, ...stored });
	const value: Branding = parsed.success
		? { ...parsed.data, logo: stored.logo ?? null }
		: { ...DEFAULT_BRANDING };
	cache = { value, at: Date.now() };
	rememberBrandName(value.name);
	return value;
}

export function forgetBrandingCache() {
	cache = undefined;
}

export const LOGO_KEY = 'branding/logo.webp';

export type LogoChange = { kind: 'keep' } | { kind: 'remove' } | { kind: 'replace'; data: Buffer };

export async function saveBranding(
	deps: { db: Db; storage: Storage },
	actor: Actor,
	input: unknown,
	logo: LogoChange
): Promise<Result<Branding>> {
	if (!can(actor, 'admin.manage-settings')) return failure('forbidden');
	const parsed = brandingForm.safeParse(input);
	const errors: Record<string, string> = {};
	if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
	let processed: Awaited<ReturnType<typeof processLogo>> = null;
	if (logo.kind === 'replace') {
		processed = await processLogo(logo.data);
		if (!processed) errors.logo = 'error_logo_invalid';
	}
	if (!parsed.success || Object.keys(errors).length) return failure('invalid', errors);

	const current = await getBranding(deps.db);
	let nextLogo = current.logo;
	if (logo.kind === 'remove') nextLogo = null;
	if (processed) {
		await deps.storage.put(LOGO_KEY, processed.out);
		nextLogo = {
			version: Date.now().toString(36),
			width: processed.width,
			height: processed.height
		};
	}
	const value: Branding = { ...(parsed.data as BrandingInput), logo: nextLogo };
	await deps.db.transaction(async (tx) => {
		await tx
			.insert(setting)
			.values({ key: KEY, value })
			.onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'settings.branding.update',
			subjectType: 'setting',
			subjectId: KEY,
			detail: { locales: value.locales, logo: logo.kind }
		});
	});
	if (logo.kind === 'remove') await deps.storage.remove(LOGO_KEY);
	forgetBrandingCache();
	return ok(await getBranding(deps.db));
}
