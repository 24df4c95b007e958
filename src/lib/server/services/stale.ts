import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import * as m from '#lib/paraglide/messages.js';
import { isLocale, type Locale } from '#lib/paraglide/runtime.js';
import { user } from '../accounts/schema.ts';
import type { Db } from '../db/client.ts';
import { NO_EMAIL_DOMAIN, type Mailer } from '../platform/mail.ts';
import { currentBrandName } from '../platform/brand-name.ts';
import { organisation, organisationMember } from '../organisations/schema.ts';
import { service } from './schema.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Not verified (by a curator, a provider's confirmation or an import's assured_date) for too long. */
export function isStale(verifiedAt: Date | null, now: Date, staleDays: number) {
	return !verifiedAt || now.getTime() - verifiedAt.getTime() > staleDays * DAY;
}

/**
 * The background job: for each organisation with stale published services not reminded during
 * this period, e-mail its administrators once (in their language) and note the reminder.
 */
export async function remindStaleServices(
	db: Db,
	mailer: Mailer,
	opts: { staleDays: number; origin: string; now?: Date }
) {
	const now = opts.now ?? new Date();
	const cutoff = new Date(now.getTime() - opts.staleDays * DAY);
	const stale = await db
		.select({
			id: service.id,
			name: service.name,
			organisationId: service.organisationId,
			slug: organisation.slug
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(
			and(
				eq(service.published, true),
				or(isNull(service.verifiedAt), lt(service.verifiedAt, cutoff)),
				or(isNull(service.staleRemindedAt), lt(service.staleRemindedAt, cutoff))
			)
		)
		.limit(5000);
	if (!stale.length) return { services: 0, emails: 0 };
	const byOrg = Map.groupBy(stale, (s) => s.organisationId);
	const admins = await db
		.select({
			organisationId: organisationMember.organisationId,
			email: user.email,
			locale: user.locale
		})
		.from(organisationMember)
		.innerJoin(user, eq(user.id, organisationMember.userId))
		.where(
			and(
				inArray(organisationMember.organisationId, [...byOrg.keys()]),
				eq(organisationMember.role, 'admin'),
				eq(organisationMember.status, 'active')
			)
		);
	const app = currentBrandName();
	let emails = 0;
	for (const a of admins) {
		if (a.email.endsWith(`@${NO_EMAIL_DOMAIN}`)) continue;
		const list = byOrg.get(a.organisationId) ?? [];
		const locale: Locale = isLocale(a.locale) ? a.locale : 'en';
		const url = `${opts.origin}/${locale}/organisations/${list[0].slug}/services`;
		await mailer.send({
			to: a.email,
			subject: m.email_stale_subject({ app, count: list.length }, { locale }),
			text: m.email_stale_body(
				{ app, days: opts.staleDays, services: list.map((s) => `- ${s.name}`).join('\n'), url },
				{ locale }
			)
		});
		emails++;
	}
	await db
		.update(service)
		.set({ staleRemindedAt: now })
		.where(
			inArray(
				service.id,
				stale.map((s) => s.id)
			)
		);
	return { services: stale.length, emails };
}
