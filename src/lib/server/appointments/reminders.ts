import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/types.ts';
import { service } from '../services/schema.ts';
import { freed, type AppointmentDeps } from './appointments.ts';
import { appointment } from './schema.ts';
import { reminderSms, whenText } from './texts.ts';

/**
 * The day-before reminders (hourly job): each booking starting within 24 hours, once: a notice to
 * a member, an SMS to a phone.
 */
export async function remindAppointments(deps: AppointmentDeps, now = new Date()) {
	const due = await deps.db
		.select()
		.from(appointment)
		.where(
			and(
				eq(appointment.status, 'booked'),
				isNull(appointment.remindedAt),
				gt(appointment.startsAt, now),
				lte(appointment.startsAt, new Date(now.getTime() + 86_400_000))
			)
		)
		.limit(1000);
	for (const a of due)
		await deps.db.transaction(async (tx) => {
			await tx.update(appointment).set({ remindedAt: now }).where(eq(appointment.id, a.id));
			if (a.bookedUserId)
				await deps.notifier.notify(tx, [
					{ userId: a.bookedUserId, kind: 'appointment_reminder', link: `/appointments/${a.id}` }
				]);
			else if (a.bookedPhone) {
				const locale = a.bookedLocale ?? 'en';
				// The link opens the booking; cancelling from it needs the secret of the first message.
				const link = `${deps.origin}/${locale}/appointments/${a.id}`;
				const when = whenText(a.startsAt, a.timeZone, locale);
				await deps.sms.send({ to: a.bookedPhone, body: reminderSms(locale, when, link) }, { tx });
			}
		});
	return due.length;
}

/** A member's bookings, for their account and their data download. */
export async function bookingsOf(db: Db, userId: string) {
	return db
		.select({
			id: appointment.id,
			service: service.name,
			startsAt: appointment.startsAt,
			timeZone: appointment.timeZone,
			channel: appointment.channel
		})
		.from(appointment)
		.innerJoin(service, eq(service.id, appointment.serviceId))
		.where(eq(appointment.bookedUserId, userId))
		.orderBy(asc(appointment.startsAt));
}

/** Erasure: the person's bookings are released (future slots open again, past ones unsigned). */
export async function eraseAppointmentsOf(tx: Tx, userId: string) {
	await tx.update(appointment).set(freed).where(eq(appointment.bookedUserId, userId));
}
