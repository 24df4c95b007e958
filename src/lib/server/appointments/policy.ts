import type { Actor } from '../accounts/policy.ts';

export type AppointmentAction = 'offer' | 'book' | 'cancel' | 'see-day' | 'note' | 'attendance';

export type AppointmentTie = {
	/** Active staff of the organisation whose service offers the slot. */
	staff: boolean;
	/** The actor booked it, or holds its cancellation link. */
	booker: boolean;
	status: 'open' | 'booked';
	started: boolean;
	/** The service is published and its organisation approved (people can find it). */
	listed: boolean;
};

/**
 * Who may do what with appointments (docs/decisions/0026). Staff offer slots, see the day's list,
 * write private notes and record whether the person came; anyone (signed in or with a phone
 * number) books an open slot of a listed service before it starts; the person who booked cancels
 * before it starts.
 */
export function canAppointment(actor: Actor, action: AppointmentAction, tie: AppointmentTie) {
	switch (action) {
		case 'offer':
		case 'see-day':
		case 'note':
			return !!actor && tie.staff;
		case 'attendance':
			return !!actor && tie.staff && tie.status === 'booked' && tie.started;
		case 'book':
			return tie.listed && tie.status === 'open' && !tie.started;
		case 'cancel':
			return tie.booker && tie.status === 'booked' && !tie.started;
	}
}
