import { and, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { ROLES, isRole, type Role } from '#lib/accounts/roles.ts';
import type { Db } from '../db/client.ts';
import { user, userRole } from './schema.ts';
import { can, type Actor } from './policy.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';

/** Every account is a member; other roles are stored. */
export async function rolesOf(db: Db, userId: string): Promise<Role[]> {
	const rows = await db
		.select({ role: userRole.role })
		.from(userRole)
		.where(eq(userRole.userId, userId));
	const stored = rows.map((r) => r.role).filter(isRole);
	return ['member', ...ROLES.filter((r) => r !== 'member' && stored.includes(r))];
}

export async function grantRole(db: Db, userId: string, role: Role, grantedBy: string | null) {
	await db.insert(userRole).values({ userId, role, grantedBy }).onConflictDoNothing();
}

/** Held while who administers the platform changes: role changes here, and account erasure. */
export const ADMIN_LOCK = 7_203_416;

export async function setRoles(
	db: Db,
	actor: Actor,
	userId: string,
	wanted: string[]
): Promise<Result> {
	if (!can(actor, 'admin.manage-roles')) return failure('forbidden');
	const roles = [...new Set(wanted.filter(isRole).filter((r) => r !== 'member'))];
	return db.transaction(async (tx): Promise<Result> => {
		const [target] = await tx.select({ id: user.id }).from(user).where(eq(user.id, userId));
		if (!target) return failure('not_found');
		if (!roles.includes('administrator')) {
			// Serialise concurrent demotions so two admins cannot remove each other at once.
			await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_LOCK})`);
			const admins = await tx
				.select({ userId: userRole.userId })
				.from(userRole)
				.where(eq(userRole.role, 'administrator'));
			if (admins.length === 1 && admins[0].userId === userId)
				return failure('conflict', { form: 'admin_last_admin' });
		}
		await tx.delete(userRole).where(eq(userRole.userId, userId));
		if (roles.length) {
			await tx
				.insert(userRole)
				.values(roles.map((role) => ({ userId, role, grantedBy: actor!.id })));
		}
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'roles.set',
			subjectType: 'user',
			subjectId: userId,
			detail: { roles }
		});
		return ok();
	});
}

export type PersonRow = { id: string; name: string; contact: string; roles: Role[] };

/** Administrators' list of people; reading contacts is staff access to personal data, so it is audited. */
/** Control characters (a NUL byte would make PostgreSQL refuse the query) cannot be in a name. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

export async function listPeople(db: Db, actor: Actor, query: string, page = 1, perPage = 25) {
	if (!can(actor, 'admin.manage-roles')) return null;
	const q = query.replace(CONTROL, '').trim().slice(0, 100);
	const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const where = q
		? or(ilike(user.name, pattern), ilike(user.email, pattern), ilike(user.phoneNumber, pattern))
		: undefined;
	const people = await db
		.select({ id: user.id, name: user.name, email: user.email, phone: user.phoneNumber })
		.from(user)
		.where(where)
		.orderBy(user.name)
		.limit(perPage + 1)
		.offset((page - 1) * perPage);
	const ids = people.slice(0, perPage).map((p) => p.id);
	const roleRows = ids.length
		? await db.select().from(userRole).where(inArray(userRole.userId, ids))
		: [];
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'people.list',
		subjectType: 'user',
		detail: { query: q ? 'text' : 'none', page, count: ids.length }
	});
	const rows: PersonRow[] = people.slice(0, perPage).map((p) => ({
		id: p.id,
		name: p.name,
		contact: p.email.endsWith('.invalid') ? (p.phone ?? '') : p.email,
		roles: [
			'member',
			...ROLES.filter((r) =>
				roleRows.some((x) => x.userId === p.id && x.role === r && r !== 'member')
			)
		]
	}));
	return { rows, hasNext: people.length > perPage, page };
}

export async function findUserByEmail(db: Db, email: string) {
	const [row] = await db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.email, email.toLowerCase())));
	return row ?? null;
}
