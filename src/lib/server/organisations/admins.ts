import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Notifier } from '../notifications/notifier.ts';
import { organisationMember } from './schema.ts';

/** What operations that tell people need: the database and the notifier (app/context.ts). */
export type NoticeDeps = { db: Db; notifier: Notifier };

/** The active admins of an organisation: who hears of its requests, decisions and referrals. */
export async function organisationAdminIds(db: Db | Tx, organisationId: string) {
	const rows = await db
		.select({ userId: organisationMember.userId })
		.from(organisationMember)
		.where(
			and(
				eq(organisationMember.organisationId, organisationId),
				eq(organisationMember.status, 'active'),
				eq(organisationMember.role, 'admin')
			)
		);
	return rows.map((r) => r.userId);
}
