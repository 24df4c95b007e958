import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { MAX_SLOTS, noteForm, slotsForm } from '#lib/appointments/forms.ts';
import { zonedToUtc } from '#lib/events/time.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { organisationAccess } from '../organisations/access.ts';
import { service } from '../services/schema.ts';
import { writeAudit } from '../platform/audit.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { freed, serviceTie, slotAccess, type AppointmentDeps } from './appointments.ts';
import { canAppointment } from './policy.ts';
import { appointment } from './schema.ts';

/* What a service's staff do with appointments: offer times, see the day, note, attendance. */

/**
 * Staff offer slots for one of their services: one day, one slot every `length` minutes from
 * `from` until `to` (at most 48), in a zone, by video (the service's own room link), phone, in
 * person or chat. Slots already past are not made.
 */
export async function offerSlots(
	deps: Pick<AppointmentDeps, 'db'>,
	actor: Actor,
	raw: unknown,
	now = new Date()
): Promise<Result<{ count: number }>> {
	if (!actor) return failure('forbidden');
	const parsed = slotsForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const d = parsed.data;
	const svc = await serviceTie(deps.db, actor, d.service);
	if (
		!svc ||
		!canAppointment(actor, 'offer', {
			staff: svc.staff,
			booker: false,
			status: 'open',
			started: false,
			listed: svc.listed
		})
	)
		return failure('not_found');
	const first = zonedToUtc(d.date, d.from, d.timeZone);
	const last = zonedToUtc(d.date, d.to, d.timeZone);
	if (!first) return failure('invalid', { from: 'error_event_time_missing' });
	if (!last) return failure('invalid', { to: 'error_event_time_missing' });
	if (last.getTime() <= first.getTime()) return failure('invalid', { to: 'error_event_end' });
	const step = d.length * 60_000;
	const rows: (typeof appointment.$inferInsert)[] = [];
	for (let t = first.getTime(); t + step <= last.getTime(); t += step) {
		if (t <= now.getTime()) continue;
		rows.push({
			id: randomUUID(),
			serviceId: svc.id,
			organisationId: svc.organisationId,
			startsAt: new Date(t),
			endsAt: new Date(t + step),
			timeZone: d.timeZone,
			channel: d.channel,
			videoUrl: d.channel === 'video' ? d.videoUrl : null,
			createdBy: actor.id
		});
	}
	if (!rows.length) return failure('invalid', { from: 'error_appointment_none' });
	if (rows.length > MAX_SLOTS) return failure('invalid', { to: 'error_appointment_too_many' });
	await deps.db.transaction(async (tx) => {
		await tx.insert(appointment).values(rows);
		await writeAudit(tx, {
			actorId: actor.id,
			action: 'appointment.offer',
			subjectType: 'service',
			subjectId: svc.id,
			detail: { count: rows.length, channel: d.channel }
		});
	});
	return ok({ count: rows.length });
}

/** The day's appointments of an organisation, for its staff (names and notes included; audited). */
export async function dayList(
	db: Db,
	actor: Actor,
	organisationSlug: string,
	day: { start: Date; end: Date }
) {
	const org = await organisationAccess(db, actor, { slug: organisationSlug });
	if (!org?.may('work')) return null;
	const rows = await db
		.select({
			id: appointment.id,
			service: service.name,
			startsAt: appointment.startsAt,
			endsAt: appointment.endsAt,
			timeZone: appointment.timeZone,
			channel: appointment.channel,
			status: appointment.status,
			name: appointment.bookedName,
			phone: appointment.bookedPhone,
			member: appointment.bookedUserId,
			attendance: appointment.attendance,
			note: appointment.note
		})
		.from(appointment)
		.innerJoin(service, eq(service.id, appointment.serviceId))
		.where(
			and(
				eq(appointment.organisationId, org.organisation.id),
				gte(appointment.startsAt, day.start),
				lt(appointment.startsAt, day.end)
			)
		)
		.orderBy(asc(appointment.startsAt));
	await writeAudit(db, {
		actorId: actor!.id,
		action: 'appointment.day-list',
		subjectType: 'organisation',
		subjectId: org.organisation.id,
		detail: { count: rows.length }
	});
	return { organisation: org.organisation, rows };
}

/**
 * Staff record whether the person came. A no-show frees the slot: open again while it has not
 * ended (someone else may take what is left of it), and the booking is cleared.
 */
export async function recordAttendance(
	deps: Pick<AppointmentDeps, 'db'>,
	actor: Actor,
	slotId: string,
	attendance: 'attended' | 'no_show',
	now = new Date()
): Promise<Result> {
	const access = await slotAccess(deps.db, actor, slotId, undefined, now);
	if (!access || !access.tie.staff) return failure('not_found');
	if (!access.may('attendance'))
		return failure('conflict', { form: 'error_appointment_not_started' });
	await deps.db.transaction(async (tx) => {
		if (attendance === 'no_show' && access.slot.endsAt.getTime() > now.getTime())
			await tx
				.update(appointment)
				.set({ ...freed, attendance: 'no_show' })
				.where(eq(appointment.id, slotId));
		else await tx.update(appointment).set({ attendance }).where(eq(appointment.id, slotId));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: `appointment.${attendance}`,
			subjectType: 'appointment',
			subjectId: slotId
		});
	});
	return ok();
}

/** Staff write a private note on an appointment (never shown to the person). */
export async function setNote(
	deps: Pick<AppointmentDeps, 'db'>,
	actor: Actor,
	slotId: string,
	raw: unknown
): Promise<Result> {
	const access = await slotAccess(deps.db, actor, slotId);
	if (!access || !access.may('note')) return failure('not_found');
	const parsed = noteForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	await deps.db
		.update(appointment)
		.set({ note: parsed.data.note })
		.where(eq(appointment.id, slotId));
	return ok();
}

/** Staff remove an open slot nobody booked. */
export async function removeSlot(
	deps: Pick<AppointmentDeps, 'db'>,
	actor: Actor,
	slotId: string
): Promise<Result> {
	const access = await slotAccess(deps.db, actor, slotId);
	if (!access || !access.tie.staff) return failure('not_found');
	const gone = await deps.db
		.delete(appointment)
		.where(and(eq(appointment.id, slotId), eq(appointment.status, 'open')))
		.returning({ id: appointment.id });
	return gone.length ? ok() : failure('conflict', { form: 'error_appointment_taken' });
}
