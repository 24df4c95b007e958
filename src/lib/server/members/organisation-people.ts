import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { memberProfile } from './schema.ts';

/** A tie between a person and an organisation, as the organisation keeps it. */
export type Tie = { userId: string; role: string; status: string };

/**
 * The people an organisation's page lists. Everyone sees its active members whose profile is
 * public; signed-in members also those listed for members; its managers see every tie (requests
 * and invitations too). Only listed profiles link to a page.
 */
export async function organisationPeople(
	db: Db,
	actor: Actor,
	ties: Tie[],
	opts: { manage: boolean }
) {
	const shown = opts.manage ? ties : ties.filter((t) => t.status === 'active');
	if (!shown.length) return [];
	const rows = await db
		.select({ id: user.id, name: user.name, listed: memberProfile.listed })
		.from(user)
		.leftJoin(memberProfile, eq(memberProfile.userId, user.id))
		.where(
			inArray(
				user.id,
				shown.map((t) => t.userId)
			)
		)
		.orderBy(asc(user.name));
	const visible = actor ? ['public', 'members'] : ['public'];
	const tieOf = new Map(shown.map((t) => [t.userId, t]));
	return rows
		.filter((r) => opts.manage || (r.listed && visible.includes(r.listed)))
		.map((r) => ({
			id: r.id,
			name: r.name,
			role: tieOf.get(r.id)!.role,
			status: tieOf.get(r.id)!.status,
			linkable: !!r.listed && visible.includes(r.listed)
		}));
}
