import { createHash, randomBytes } from 'node:crypto';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { bookingForm, phoneOf } from '#lib/appointments/forms.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Notifier } from '../notifications/notifier.ts';
import type { SmsSender } from '../platform/sms.ts';
import { organisationAccess } from '../organisations/access.ts';
import { organisation } from '../organisations/schema.ts';
import { service } from '../services/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { hitRateLimit, RULES } from '../platform/rate-limit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { canAppointment, type AppointmentAction, type AppointmentTie } from './policy.ts';
import { appointment } from './schema.ts';
import { bookedSms, whenText } from './texts.ts';

export type AppointmentDeps = {
	db: Db;
	notifier: Notifier;
	sms: SmsSender;
	origin: string;
};

const hash = (token: string) =>
	createHash('sha256').update(`appointment:${token}`).digest('base64url');

/** A service with whether it is listed and whether the actor works for it. */
export async function serviceTie(db: Db | Tx, actor: Actor, serviceId: string) {
	const [row] = await db
		.select({
			id: service.id,
			name: service.name,
			organisationId: service.organisationId,
			published: sql<boolean>`${service.published} and ${service.status} in ('active', 'temporarily closed')`,
			orgStatus: organisation.status
		})
		.from(service)
		.innerJoin(organisation, eq(organisation.id, service.organisationId))
		.where(eq(service.id, serviceId));
	if (!row) return null;
	const staff = !!(await organisationAccess(db, actor, { id: row.organisationId }))?.may('work');
	return { ...row, staff, listed: row.published && row.orgStatus === 'approved' };
}

/** A slot with what the actor is to it, or null when it does not exist. */
export async function slotAccess(
	db: Db | Tx,
	actor: Actor,
	id: string,
	token?: string,
	now = new Date()
) {
	if (!id || id.length > 64) return null;
	const [slot] = await db.select().from(appointment).where(eq(appointment.id, id));
	if (!slot) return null;
	const svc = await serviceTie(db, actor, slot.serviceId);
	if (!svc) return null;
	const tie: AppointmentTie = {
		staff: svc.staff,
		booker:
			(!!actor && slot.bookedUserId === actor.id) ||
			(!!token && !!slot.cancelTokenHash && slot.cancelTokenHash === hash(token)),
		status: slot.status,
		started: slot.startsAt.getTime() <= now.getTime(),
		listed: svc.listed
	};
	return { slot, service: svc, tie, may: (a: AppointmentAction) => canAppointment(actor, a, tie) };
}

/** Whether a service has a free slot ahead (its page then offers booking): one indexed probe. */
export async function hasOpenSlots(db: Db, serviceId: string, now = new Date()) {
	const [row] = await db
		.select({ id: appointment.id })
		.from(appointment)
		.where(
			and(
				eq(appointment.serviceId, serviceId),
				eq(appointment.status, 'open'),
				gt(appointment.startsAt, now)
			)
		)
		.limit(1);
	return !!row;
}

/** The open slots of a listed service from now on, soonest first (what a person can book). */
export async function openSlots(db: Db, serviceId: string, now = new Date(), limit = 60) {
	const svc = await serviceTie(db, null, serviceId);
	if (!svc?.listed) return null;
	const slots = await db
		.select({
			id: appointment.id,
			startsAt: appointment.startsAt,
			endsAt: appointment.endsAt,
			timeZone: appointment.timeZone,
			channel: appointment.channel
		})
		.from(appointment)
		.where(
			and(
				eq(appointment.serviceId, serviceId),
				eq(appointment.status, 'open'),
				gt(appointment.startsAt, now)
			)
		)
		.orderBy(asc(appointment.startsAt))
		.limit(limit);
	return { service: { id: svc.id, name: svc.name }, slots };
}

/**
 * Someone books an open slot: a signed-in member, or anyone giving a name and a mobile number.
 * The slot is taken in one conditional update (two people tapping at once: one gets it). The
 * person is told with a link to cancel: a notice for a member, an SMS for a phone (naming only
 * the time). Returns the cancellation secret, shown once.
 */
export async function bookSlot(
	deps: AppointmentDeps,
	actor: Actor,
	slotId: string,
	raw: unknown,
	opts: { locale?: string; now?: Date } = {}
): Promise<Result<{ token: string }>> {
	const now = opts.now ?? new Date();
	const access = await slotAccess(deps.db, actor, slotId, undefined, now);
	if (!access || !access.tie.listed) return failure('not_found');
	if (!access.may('book')) return failure('conflict', { form: 'error_appointment_taken' });
	const parsed = bookingForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	let phone: string | null = null;
	if (!actor) {
		const checked = phoneOf(parsed.data.phone);
		if (!checked.ok) return failure('invalid', { phone: checked.reason });
		phone = checked.e164;
	}
	const limitKey = actor?.id ?? phone!;
	if (!(await hitRateLimit(deps.db, RULES.bookingsByPerson, limitKey)).allowed)
		return failure('rate_limited', { form: 'error_rate_limited' });
	const token = randomBytes(18).toString('base64url');
	const locale = opts.locale ?? 'en';
	const link = `${deps.origin}/${locale}/appointments/${slotId}?token=${token}`;
	return deps.db.transaction(async (tx): Promise<Result<{ token: string }>> => {
		const taken = await tx
			.update(appointment)
			.set({
				status: 'booked',
				bookedUserId: actor?.id ?? null,
				bookedName: parsed.data.name,
				bookedPhone: phone,
				bookedLocale: locale,
				bookedAt: now,
				cancelTokenHash: hash(token),
				remindedAt: null,
				attendance: null
			})
			.where(
				and(
					eq(appointment.id, slotId),
					eq(appointment.status, 'open'),
					gt(appointment.startsAt, now)
				)
			)
			.returning({ id: appointment.id });
		if (!taken.length) return failure('conflict', { form: 'error_appointment_taken' });
		const when = whenText(access.slot.startsAt, access.slot.timeZone, locale);
		if (actor)
			await deps.notifier.notify(tx, [
				{ userId: actor.id, kind: 'appointment_booked', link: `/appointments/${slotId}` }
			]);
		else await deps.sms.send({ to: phone!, body: bookedSms(locale, when, link) }, { tx });
		await writeAudit(tx, {
			actorId: actor?.id ?? null,
			action: 'appointment.book',
			subjectType: 'appointment',
			subjectId: slotId,
			detail: { by: actor ? 'member' : 'phone' }
		});
		return ok({ token });
	});
}

/** The person cancels (signed in, or with the link's secret): the slot opens again. */
export async function cancelBooking(
	deps: Pick<AppointmentDeps, 'db'>,
	actor: Actor,
	slotId: string,
	token?: string,
	now = new Date()
): Promise<Result> {
	const access = await slotAccess(deps.db, actor, slotId, token, now);
	if (!access || !access.tie.booker) return failure('not_found');
	if (!access.may('cancel')) return failure('conflict', { form: 'error_appointment_started' });
	await deps.db.transaction(async (tx) => {
		await tx.update(appointment).set(freed).where(eq(appointment.id, slotId));
		await writeAudit(tx, {
			actorId: actor?.id ?? null,
			action: 'appointment.cancel',
			subjectType: 'appointment',
			subjectId: slotId
		});
	});
	return ok();
}

export const freed = {
	status: 'open' as const,
	bookedUserId: null,
	bookedName: null,
	bookedPhone: null,
	bookedLocale: null,
	bookedAt: null,
	cancelTokenHash: null,
	remindedAt: null
};

/** What the person sees of their booking (by account or link): time, channel, the room link. */
export async function bookingView(
	db: Db,
	actor: Actor,
	slotId: string,
	token?: string,
	now = new Date()
) {
	const access = await slotAccess(db, actor, slotId, token, now);
	if (!access || !access.tie.booker || access.slot.status !== 'booked') return null;
	const s = access.slot;
	return {
		id: s.id,
		service: access.service.name,
		serviceId: access.service.id,
		startsAt: s.startsAt,
		endsAt: s.endsAt,
		timeZone: s.timeZone,
		channel: s.channel,
		videoUrl: s.videoUrl,
		name: s.bookedName,
		canCancel: access.may('cancel')
	};
}
