import { count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Direction } from '#lib/referrals/forms.ts';
import { FINAL_STATUSES, STATUSES, type Status } from '#lib/referrals/statuses.ts';
import type { Dashboard } from '#lib/referrals/view.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { taxonomyTerm } from '../services/schema.ts';
import { canSeeProgramme } from './policy.ts';
import { referral } from './schema.ts';

/** One organisation's referrals, received or sent; or the whole programme's. */
export type DashboardScope = { organisationId: string; direction: Direction } | 'programme';

export function scopeWhere(scope: DashboardScope): SQL | undefined {
	if (scope === 'programme') return undefined;
	return scope.direction === 'received'
		? eq(referral.toOrganisationId, scope.organisationId)
		: eq(referral.fromOrganisationId, scope.organisationId);
}

const hours = (v: unknown) => (v == null ? null : Math.round((Number(v) / 3600) * 10) / 10);
const finals = sql.raw(FINAL_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * Figures only, never a person: counts by status and by type of service, overdue referrals, median
 * hours from sending to acceptance and to closure, and how many were closed with feedback.
 */
export async function referralDashboard(
	db: Db,
	scope: DashboardScope,
	locale: string,
	now = new Date()
): Promise<Dashboard> {
	const where = scopeWhere(scope);
	const statusRows = await db
		.select({ status: referral.status, n: count() })
		.from(referral)
		.where(where)
		.groupBy(referral.status);
	const [figures] = await db
		.select({
			overdue:
				sql<number>`count(*) filter (where ${referral.status} not in (${finals}) and ${referral.dueAt} < ${now.toISOString()}::timestamptz)`.mapWith(
					Number
				),
			toAcceptance: sql<
				number | null
			>`percentile_cont(0.5) within group (order by extract(epoch from ${referral.acceptedAt} - ${referral.createdAt}))`,
			toClosure: sql<
				number | null
			>`percentile_cont(0.5) within group (order by case when ${referral.status} in ('completed', 'closed') then extract(epoch from ${referral.closedAt} - ${referral.createdAt}) end)`,
			withFeedback:
				sql<number>`count(*) filter (where ${referral.status} in ('completed', 'closed') and coalesce(${referral.feedback}, '') <> '')`.mapWith(
					Number
				)
		})
		.from(referral)
		.where(where);
	const term = sql<string>`unnest(${referral.termIds})`;
	const termRows = await db
		.select({ termId: term, n: count() })
		.from(referral)
		.where(where)
		.groupBy(sql`1`);
	const labels = termRows.length
		? await db
				.select({ id: taxonomyTerm.id, name: taxonomyTerm.name, labels: taxonomyTerm.labels })
				.from(taxonomyTerm)
				.where(
					inArray(
						taxonomyTerm.id,
						termRows.map((t) => t.termId)
					)
				)
		: [];
	const byStatusMap = new Map(statusRows.map((r) => [r.status, r.n]));
	const total = statusRows.reduce((sum, r) => sum + r.n, 0);
	return {
		total,
		byStatus: STATUSES.map((status: Status) => ({ status, count: byStatusMap.get(status) ?? 0 })),
		byTerm: termRows
			.map((t) => {
				const l = labels.find((x) => x.id === t.termId);
				return { termId: t.termId, label: l?.labels[locale] || l?.name || t.termId, count: t.n };
			})
			.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale)),
		overdue: figures.overdue,
		medianHoursToAcceptance: hours(figures.toAcceptance),
		medianHoursToClosure: hours(figures.toClosure),
		closedWithFeedback: figures.withFeedback,
		shareClosedWithFeedback: total ? figures.withFeedback / total : null
	};
}

/** The programme dashboard is for administrators (programme staff), across every organisation. */
export async function programmeDashboard(db: Db, actor: Actor, locale: string, now = new Date()) {
	if (!canSeeProgramme(actor)) return null;
	return referralDashboard(db, 'programme', locale, now);
}
