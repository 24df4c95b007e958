import { desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { stringify } from 'csv-stringify/sync';
import type { Direction } from '#lib/referrals/forms.ts';
import { isOverdue } from '#lib/referrals/statuses.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisation } from '../organisations/schema.ts';
import { service, taxonomyTerm } from '../services/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { scopeWhere, type DashboardScope } from './dashboard.ts';
import { staffOrganisation, workplaceIds } from '../organisations/access.ts';
import { canReferral, canSeeProgramme } from './policy.ts';
import { referral } from './schema.ts';

const FIGURES = [
	'created_at',
	'from_organisation',
	'to_organisation',
	'service',
	'service_types',
	'status',
	'overdue',
	'due_at',
	'accepted_at',
	'closed_at',
	'outcome',
	'hours_to_acceptance',
	'hours_to_closure'
] as const;

/** Personal data and free text (which may name someone): only for staff of the two organisations. */
const PERSONAL = [
	'person_name',
	'person_phone',
	'person_email',
	'person_language',
	'person_notes',
	'person_has_account',
	'consent_shared',
	'consent_method',
	'consent_purpose',
	'decline_reason',
	'feedback'
] as const;

/**
 * A spreadsheet runs a cell that starts with =, +, -, @ as a formula. Such cells get a leading
 * apostrophe, except plain numbers and phone numbers (+33 6 12…), which cannot run anything.
 */
export function safeCell(value: string) {
	if (/^[+-]?\d[\d ]*$/.test(value)) return value;
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const hoursBetween = (a: Date, b: Date | null) =>
	b ? String(Math.round(((b.getTime() - a.getTime()) / 3_600_000) * 10) / 10) : '';

async function rowsFor(db: Db, scope: DashboardScope) {
	const fromOrg = alias(organisation, 'from_org');
	const toOrg = alias(organisation, 'to_org');
	return db
		.select({
			r: referral,
			service: service.name,
			from: fromOrg.name,
			to: toOrg.name
		})
		.from(referral)
		.innerJoin(service, eq(service.id, referral.serviceId))
		.innerJoin(fromOrg, eq(fromOrg.id, referral.fromOrganisationId))
		.innerJoin(toOrg, eq(toOrg.id, referral.toOrganisationId))
		.where(scopeWhere(scope))
		.orderBy(desc(referral.createdAt), desc(referral.id));
}

type Row = Awaited<ReturnType<typeof rowsFor>>[number];

async function termCodes(db: Db, rows: Row[]) {
	const ids = [...new Set(rows.flatMap((x) => x.r.termIds))];
	const terms = ids.length
		? await db
				.select({ id: taxonomyTerm.id, code: taxonomyTerm.code, name: taxonomyTerm.name })
				.from(taxonomyTerm)
				.where(inArray(taxonomyTerm.id, ids))
		: [];
	return new Map(terms.map((t) => [t.id, t.code || t.name]));
}

function figures(x: Row, codes: Map<string, string>, now: Date): Record<string, string> {
	const { r } = x;
	const ended = r.status === 'completed' || r.status === 'closed';
	return {
		created_at: r.createdAt.toISOString(),
		from_organisation: x.from,
		to_organisation: x.to,
		service: x.service,
		service_types: r.termIds.map((id) => codes.get(id) ?? id).join(' '),
		status: r.status,
		overdue: isOverdue(r, now) ? 'yes' : 'no',
		due_at: r.dueAt.toISOString(),
		accepted_at: r.acceptedAt?.toISOString() ?? '',
		closed_at: r.closedAt?.toISOString() ?? '',
		outcome: r.outcome ?? '',
		hours_to_acceptance: hoursBetween(r.createdAt, r.acceptedAt),
		hours_to_closure: ended ? hoursBetween(r.createdAt, r.closedAt) : ''
	};
}

function personal(x: Row): Record<string, string> {
	const { r } = x;
	return {
		person_name: r.person.name ?? '',
		person_phone: r.person.phone ?? '',
		person_email: r.person.email ?? '',
		person_language: r.person.language ?? '',
		person_notes: r.person.notes ?? '',
		person_has_account: r.personUserId ? 'yes' : 'no',
		consent_shared: r.consent.shared.join(' '),
		consent_method: r.consent.method,
		consent_purpose: r.consent.purpose,
		decline_reason: r.reason ?? '',
		feedback: r.feedback ?? ''
	};
}

function toCsv(columns: readonly string[], records: Record<string, string>[]) {
	const safe = records.map((rec) =>
		Object.fromEntries(columns.map((c) => [c, safeCell(rec[c] ?? '')]))
	);
	// The byte-order mark lets spreadsheet programs read Arabic and accents as UTF-8.
	return '\ufeff' + stringify(safe, { header: true, columns: [...columns] });
}

/**
 * An organisation's referrals as CSV for its staff. Personal columns only when asked for, and
 * then only on rows the viewer may see in full; the export is recorded either way.
 */
export async function exportOrganisationCsv(
	db: Db,
	actor: Actor,
	slug: string,
	opts: { direction: Direction; personal: boolean; now?: Date }
) {
	const org = await staffOrganisation(db, actor, slug);
	if (!org) return null;
	const now = opts.now ?? new Date();
	const rows = await rowsFor(db, { organisationId: org.id, direction: opts.direction });
	const codes = await termCodes(db, rows);
	const mine = await workplaceIds(db, actor);
	const columns = opts.personal ? [...FIGURES, ...PERSONAL] : FIGURES;
	const records = rows.map((x) => {
		const staffOf = { from: mine.has(x.r.fromOrganisationId), to: mine.has(x.r.toOrganisationId) };
		const full = opts.personal && canReferral(actor, 'export-personal', x.r, staffOf);
		return {
			referral_id: x.r.id,
			...figures(x, codes, now),
			...(full ? personal(x) : {})
		};
	});
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'referral.export',
		subjectType: 'organisation',
		subjectId: org.id,
		detail: { direction: opts.direction, personal: opts.personal, count: rows.length }
	});
	return {
		filename: `referrals-${org.slug.replace(/[^a-z0-9-]/g, '') || 'organisation'}-${opts.direction}-${now.toISOString().slice(0, 10)}.csv`,
		csv: toCsv(['referral_id', ...columns], records)
	};
}

/** Every referral in the programme, for administrators: figures only, never a person or free text. */
export async function exportProgrammeCsv(db: Db, actor: Actor, now = new Date()) {
	if (!canSeeProgramme(actor)) return null;
	const rows = await rowsFor(db, 'programme');
	const codes = await termCodes(db, rows);
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'referral.export',
		subjectType: 'programme',
		detail: { personal: false, count: rows.length }
	});
	return {
		filename: `referrals-programme-${now.toISOString().slice(0, 10)}.csv`,
		csv: toCsv(
			FIGURES,
			rows.map((x) => figures(x, codes, now))
		)
	};
}
