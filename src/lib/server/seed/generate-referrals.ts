import { recordsOnly } from '../notifications/notifier.ts';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_TERMS } from '#lib/services/taxonomy.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import type { Db } from '../db/client.ts';
import { organisationMember } from '../organisations/schema.ts';
import { setting } from '../platform/schema.ts';
import type { Result } from '../platform/result.ts';
import { createReferral } from '../referrals/create-referral.ts';
import type { ReferralDeps } from '../referrals/deps.ts';
import { changeStatus } from '../referrals/transitions.ts';
import type { Org } from './plan-organisations.ts';
import { chunks, picker, random } from './random.ts';
import { planReferral, type PlannedReferral } from './referral-plan.ts';
import type { PlannedService } from './service-documents.ts';
import { FIRST, LAST } from './service-data.ts';

/** Transactions writing referrals at once (the PostgreSQL pool holds ten connections). */
const WRITERS = 4;

/** One caseworker per organisation, a member of its staff, who sends and answers referrals. */
const caseworkerOf = (orgId: string): NonNullable<Actor> => ({
	id: `gen-cw-${createHash('sha256').update(orgId).digest('hex').slice(0, 16)}`,
	roles: ['member']
});

function unwrap<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`${what}: ${result.kind} ${JSON.stringify(result.errors ?? {})}`);
	return result.value;
}

/**
 * Referrals between organisations to published services, made and moved on by the caseworkers
 * through the referral operations (createReferral, changeStatus), backdated with their `now`:
 * consent, the person's confirmation token, deadlines, events and audit rows are the ones a
 * caseworker's forms write (audit rows carry the time of the run: writeAudit takes none). No
 * reminder is marked sent: the reminders job does that on its first run. createReferral draws the
 * ids, so a marker row per seed records which referral numbers are written: a second run adds
 * nothing, a larger count adds the difference.
 *
 * This is the slowest part of a large run: about twenty statements per referral where multi-row
 * inserts wrote them before. 20,000 referrals took 11 s that way and take about 130 s now on
 * PostgreSQL, with four transactions writing side by side (100,000: some 11 minutes); PGlite runs
 * them one after another, at about 40 ms a referral, which is far too slow for 100,000 there.
 */
export async function writeReferrals(
	db: Db,
	opts: { seed: number; count: number; batch: number; now: Date; dueDays: number },
	orgs: Org[],
	planned: PlannedService[],
	written: { referrals: number },
	log: (line: string) => void
) {
	const { seed, count, batch, dueDays } = opts;
	const now = opts.now.getTime();
	const targets = planned.filter((p) => p.published && p.listed);
	if (!targets.length || orgs.length < 2) {
		log('referrals skipped: no published service or a single organisation');
		return;
	}
	const rnd = random(seed ^ 0x7e7e);
	const pick = picker(rnd);
	// Caseworkers have no sign-in (no password, no phone); accounts have no operation that makes
	// such a user, so their rows and memberships are written here.
	for (const part of chunks(orgs, 500)) {
		await db
			.insert(user)
			.values(
				part.map((o) => ({
					id: caseworkerOf(o.id).id,
					name: `${pick(FIRST)} ${pick(LAST)}`,
					email: `${caseworkerOf(o.id).id}@generated.invalid`,
					emailVerified: true,
					locale: o.home.locale
				}))
			)
			.onConflictDoNothing();
		await db
			.insert(organisationMember)
			.values(
				part.map((o) => ({
					organisationId: o.id,
					userId: caseworkerOf(o.id).id,
					role: 'member' as const,
					status: 'active' as const
				}))
			)
			.onConflictDoNothing();
	}
	// Which referral numbers earlier runs wrote: ranges [from, to), one per committed batch.
	const key = `generated_referrals:${seed}`;
	const [marker] = await db
		.select({ value: setting.value })
		.from(setting)
		.where(eq(setting.key, key));
	const ranges = Array.isArray(marker?.value) ? (marker.value as [number, number][]) : [];
	const done = (j: number) => ranges.some(([from, to]) => j >= from && j < to);
	const labels = new Map(DEFAULT_TERMS.map((t) => [t.id, t.labels as Record<string, string>]));
	const size = batch * 4;
	// Batches are planned in order (the generator draws the same numbers every run) and written by
	// a few transactions at once: PostgreSQL works on them side by side, PGlite one after another.
	let next = 0;
	const claim = () => {
		if (next >= count) return null;
		const from = next;
		const to = Math.min(count, from + size);
		const part: PlannedReferral[] = [];
		for (let j = from; j < to; j++) {
			const p = planReferral(j, orgs, targets, labels, rnd, now);
			if (!done(j)) part.push(p);
		}
		next = to;
		return { from, to, part };
	};
	const worker = async () => {
		for (let b = claim(); b; b = claim()) {
			const { from, to, part } = b;
			if (!part.length) continue;
			await db.transaction(async (tx) => {
				// Each operation's own transaction becomes a savepoint of this one.
				const deps: ReferralDeps = { db: tx as unknown as Db, dueDays, notifier: recordsOnly };
				for (const p of part) await writeReferral(deps, p);
				await tx
					.insert(setting)
					.values({ key, value: [[from, to]] })
					.onConflictDoUpdate({
						target: setting.key,
						set: { value: sql`${setting.value} || excluded.value`, updatedAt: new Date() }
					});
			});
			written.referrals += part.length;
			log(`referrals ${to}/${count}`);
		}
	};
	await Promise.all(Array.from({ length: WRITERS }, worker));
}

/** The caseworker refers the person, then each side moves the referral on, at the planned times. */
async function writeReferral(deps: ReferralDeps, p: PlannedReferral) {
	const sender = caseworkerOf(p.from.id);
	const { id } = unwrap(
		await createReferral(deps, sender, p.form, new Date(p.at)),
		'createReferral'
	);
	let status: string = 'sent';
	for (const step of p.steps) {
		const actor = step.by === 'from' ? sender : caseworkerOf(p.to.id);
		const raw = { expected: status, ...step.form };
		status = unwrap(
			await changeStatus(deps, actor, id, raw, new Date(step.at)),
			step.form.transition
		);
	}
}
