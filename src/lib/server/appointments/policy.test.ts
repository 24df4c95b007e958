import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { canAppointment, type AppointmentAction, type AppointmentTie } from './policy.ts';

const member: Actor = { id: 'm', roles: ['member'] };
const tie = (t: Partial<AppointmentTie>): AppointmentTie => ({
	staff: false,
	booker: false,
	status: 'open',
	started: false,
	listed: true,
	...t
});

describe('who may do what with appointments', () => {
	const rows: [string, Actor, AppointmentAction, AppointmentTie, boolean][] = [
		['staff offer slots', member, 'offer', tie({ staff: true }), true],
		['others do not', member, 'offer', tie({}), false],
		['a visitor books an open slot (with a phone number)', null, 'book', tie({}), true],
		['not a taken one', null, 'book', tie({ status: 'booked' }), false],
		['not one that started', member, 'book', tie({ started: true }), false],
		['not of an unlisted service', member, 'book', tie({ listed: false }), false],
		[
			'the booker cancels before it starts',
			null,
			'cancel',
			tie({ booker: true, status: 'booked' }),
			true
		],
		['not after', null, 'cancel', tie({ booker: true, status: 'booked', started: true }), false],
		['nobody else cancels it', member, 'cancel', tie({ status: 'booked' }), false],
		['staff see the day', member, 'see-day', tie({ staff: true }), true],
		['others never', member, 'see-day', tie({ booker: true }), false],
		['staff write the private note', member, 'note', tie({ staff: true }), true],
		['not the person', member, 'note', tie({ booker: true }), false],
		[
			'staff record a no-show once it started',
			member,
			'attendance',
			tie({ staff: true, status: 'booked', started: true }),
			true
		],
		['not before', member, 'attendance', tie({ staff: true, status: 'booked' }), false]
	];
	it.each(rows)('%s', (_, actor, action, t, expected) => {
		expect(canAppointment(actor, action, t)).toBe(expected);
	});
});
