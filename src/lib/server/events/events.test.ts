import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { DATABASES, testServices } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { AppContext } from '../app/context.ts';
import { notification } from '../notifications/schema.ts';
import { seedGazetteer } from '../places/seed-gazetteer.ts';
import { TEST_TOWNS } from '../places/test-towns.ts';
import { createCommunity } from '../communities/manage.ts';
import { createEvent, cancelEvent, updateEvent } from './save.ts';
import { cancelRegistration, registerForEvent } from './registration.ts';
import { attendeesCsv, eventAttendees, eventView, listEvents } from './read.ts';
import { calendarFeedFor, eventIcs, newCalendarFeed } from './ics.ts';
import { remindUpcomingEvents } from './reminders.ts';
import { eventRegistration, event } from './schema.ts';

const now = new Date('2026-12-03T12:00:00Z');
const form = (over: Record<string, string> = {}) => ({
	title: 'CV workshop for newcomers',
	description: 'Bring your **CV**; we work on it together.',
	kind: 'workshop',
	format: 'hybrid',
	date: '2026-12-10',
	start: '18:00',
	end: '20:00',
	timeZone: 'Africa/Lagos',
	place: 'Community hall',
	city: 'Lagos',
	country: 'NG',
	onlineUrl: 'https://meet.example.org/cv-workshop',
	capacity: '10',
	language: 'en',
	...over
});

describe.each(DATABASES)('events on $kind', (target) => {
	let s: AppContext;
	let deps: { db: AppContext['database']['db']; notifier: AppContext['notifier'] };
	type A = Awaited<ReturnType<typeof buildActor>>;
	let organiser: A;
	let eventId: string;

	beforeAll(async () => {
		s = await testServices(target);
		deps = { db: s.database.db, notifier: s.notifier };
		organiser = await buildActor(s, { name: 'Organiser' });
		await seedGazetteer(s.database.db, TEST_TOWNS);
	});
	afterAll(() => s.database.close());

	it('stores the time as an instant in the event’s zone, and refuses bad input whole', async () => {
		const made = await createEvent(deps, organiser, form(), { now });
		if (!made.ok) throw new Error(JSON.stringify(made));
		eventId = made.value.id;
		const [row] = await s.database.db.select().from(event).where(eq(event.id, eventId));
		expect(row.startsAt.toISOString()).toBe('2026-12-10T17:00:00.000Z');
		expect(row.timeZone).toBe('Africa/Lagos');
		const refusals: [Record<string, string>, Record<string, string>][] = [
			[{ date: '2026-11-01' }, { date: 'error_event_past' }],
			[{ capacity: '-5' }, { capacity: 'error_event_capacity' }],
			[{ capacity: '0' }, { capacity: 'error_event_capacity' }],
			[{ timeZone: 'Mars/Olympus' }, { timeZone: 'error_event_zone' }],
			[{ end: '17:00' }, { end: 'error_event_end' }],
			[{ onlineUrl: 'javascript:alert(1)' }, { onlineUrl: 'error_event_url' }],
			[{ format: 'online', onlineUrl: '' }, { onlineUrl: 'error_event_url_needed' }],
			[{ format: 'in_person', city: '' }, { city: 'error_event_city_needed' }],
			[{ title: 'x'.repeat(151) }, { title: 'error_event_title' }],
			[{ title: 'Evil \u202Egnp.exe' }, { title: 'error_message_controls' }],
			[
				{ timeZone: 'Europe/Paris', date: '2027-03-28', start: '02:30', end: '04:00' },
				{ start: 'error_event_time_missing' }
			]
		];
		for (const [change, errors] of refusals)
			expect(await createEvent(deps, organiser, form(change), { now })).toMatchObject({
				ok: false,
				errors
			});
		expect(await s.database.db.select().from(event)).toHaveLength(1);
	});

	it('takes the zone of the town when none is typed', async () => {
		const made = await createEvent(
			deps,
			organiser,
			form({ timeZone: '', city: 'Madrid', country: 'CO', format: 'in_person', onlineUrl: '' }),
			{ now }
		);
		if (!made.ok) throw new Error(JSON.stringify(made));
		const [row] = await s.database.db.select().from(event).where(eq(event.id, made.value.id));
		expect(row.timeZone).toBe('America/Bogota');
		expect(row.startsAt.toISOString()).toBe('2026-12-10T23:00:00.000Z');
		expect(
			await createEvent(
				deps,
				organiser,
				form({ timeZone: '', city: 'Atlantis', format: 'in_person', onlineUrl: '' }),
				{
					now
				}
			)
		).toMatchObject({ errors: { timeZone: 'error_event_zone_needed' } });
	});

	it('fifty people registering at once for ten places: ten registered, forty waiting', async () => {
		const people = await Promise.all(
			Array.from({ length: 50 }, (_, i) => buildActor(s, { name: `Person ${i}` }))
		);
		const results = await Promise.all(people.map((p) => registerForEvent(deps, p, eventId, now)));
		const statuses = results.map((r) => (r.ok ? r.value.status : 'failed'));
		expect(statuses.filter((x) => x === 'registered')).toHaveLength(10);
		expect(statuses.filter((x) => x === 'waiting')).toHaveLength(40);
		const [row] = await s.database.db.select().from(event).where(eq(event.id, eventId));
		expect(row).toMatchObject({ registeredCount: 10, waitingCount: 40 });
		// Registering again changes nothing.
		expect(await registerForEvent(deps, people[0], eventId, now)).toEqual(results[0]);

		// A registered person cancels: the first in line gets the place and is told.
		const registered = people.filter((_, i) => statuses[i] === 'registered');
		const line = await s.database.db
			.select({ userId: eventRegistration.userId })
			.from(eventRegistration)
			.where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'waiting')))
			.orderBy(eventRegistration.id);
		const first = people.find((p) => p.id === line[0].userId)!;
		const second = people.find((p) => p.id === line[1].userId)!;
		expect((await eventView(s.database.db, second, eventId, now))!.position).toBe(2);
		expect(await cancelRegistration(deps, registered[0], eventId, now)).toEqual({
			ok: true,
			value: undefined
		});
		const promoted = await eventView(s.database.db, first, eventId, now);
		expect(promoted).toMatchObject({
			registration: 'registered',
			onlineUrl: 'https://meet.example.org/cv-workshop'
		});
		expect((await eventView(s.database.db, second, eventId, now))!).toMatchObject({
			position: 1,
			onlineUrl: null
		});
		const told = await s.database.db
			.select()
			.from(notification)
			.where(and(eq(notification.userId, first.id), eq(notification.kind, 'event_promoted')));
		expect(told).toHaveLength(1);
		// Raising the capacity promotes the next in line.
		await updateEvent(deps, organiser, eventId, form({ capacity: '11' }), now);
		expect((await eventView(s.database.db, second, eventId, now))!.registration).toBe('registered');
	});

	it('organisers see attendees and export them; a formula in a name stays text', async () => {
		const outsider = await buildActor(s, { name: '=HYPERLINK("http://evil")' });
		expect(await eventAttendees(s.database.db, outsider, eventId, now)).toBeNull();
		await registerForEvent(deps, outsider, eventId, now);
		const list = await eventAttendees(s.database.db, organiser, eventId, now);
		expect(list!.attendees.filter((a) => a.status === 'registered')).toHaveLength(11);
		const csv = attendeesCsv(
			list!.attendees,
			{ name: 'Name', status: 'Status', registeredAt: 'Registered', promotedAt: 'Promoted' },
			(x) => x
		);
		expect(csv.startsWith('\uFEFF"Name","Status"')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil"")","waiting"`);
	});

	it('an .ics file with the reminder as an alarm, read back by an iCalendar library', () => {
		const ics = eventIcs(
			{
				id: eventId,
				title: 'CV workshop for newcomers',
				description: 'Bring your CV',
				startsAt: new Date('2026-12-10T17:00:00Z'),
				endsAt: new Date('2026-12-10T19:00:00Z'),
				place: 'Community hall',
				city: 'Lagos',
				onlineUrl: null,
				status: 'published'
			},
			{ origin: 'https://example.org', locale: 'fr', brand: 'Passerelle', reminder: 'Demain' }
		);
		const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
		const parsed = new ICAL.Event(vevent);
		expect(parsed.summary).toBe('CV workshop for newcomers');
		expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-12-10T17:00:00.000Z');
		expect(parsed.location).toBe('Community hall, Lagos');
		const alarm = vevent.getFirstSubcomponent('valarm')!;
		expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-P1D');
		expect(String(vevent.getFirstPropertyValue('url'))).toBe(
			`https://example.org/fr/events/${eventId}`
		);
	});

	it('a private calendar feed of one’s events; a new address stops the old one', async () => {
		const person = await buildActor(s, { name: 'Calendar person' });
		await registerForEvent(deps, person, eventId, now);
		const o = {
			origin: 'https://example.org',
			locale: 'en',
			brand: 'P',
			reminder: 'Tomorrow',
			name: 'My events'
		};
		const token = await newCalendarFeed(s.database.db, person.id);
		const feed = await calendarFeedFor(s.database.db, token, o, now);
		const events = new ICAL.Component(ICAL.parse(feed!)).getAllSubcomponents('vevent');
		expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual([
			'CV workshop for newcomers'
		]);
		const again = await newCalendarFeed(s.database.db, person.id);
		expect(await calendarFeedFor(s.database.db, token, o, now)).toBeNull();
		expect(await calendarFeedFor(s.database.db, again, o, now)).not.toBeNull();
		expect(await calendarFeedFor(s.database.db, '../../etc', o, now)).toBeNull();
	});

	it('reminders go the day before, once, to the registered only', async () => {
		const early = await remindUpcomingEvents(deps, new Date('2026-12-08T12:00:00Z'));
		expect(early).toBe(0);
		const dayBefore = new Date('2026-12-09T18:00:00Z');
		const sent = await remindUpcomingEvents(deps, dayBefore);
		const [row] = await s.database.db.select().from(event).where(eq(event.id, eventId));
		expect(sent).toBe(row.registeredCount);
		expect(await remindUpcomingEvents(deps, dayBefore)).toBe(0);
		const reminders = await s.database.db
			.select()
			.from(notification)
			.where(eq(notification.kind, 'event_reminder'));
		expect(reminders).toHaveLength(sent);
	});

	it('lists upcoming events with filters; a members-only community’s events stay inside it', async () => {
		const found = await listEvents(s.database.db, null, { q: 'cv workshop' }, now);
		expect(found.items.map((e) => e.id)).toContain(eventId);
		expect(
			(await listEvents(s.database.db, null, { country: 'CO' }, now)).items.every(
				(e) => e.country === 'CO'
			)
		).toBe(true);
		expect(
			(await listEvents(s.database.db, null, { online: true }, now)).items.every(
				(e) => e.format !== 'in_person'
			)
		).toBe(true);
		const later = await listEvents(
			s.database.db,
			null,
			{ from: new Date('2026-12-11T00:00:00Z') },
			now
		);
		expect(later.items.map((e) => e.id)).not.toContain(eventId);
		const c = await createCommunity(s.database.db, organiser, {
			name: 'Closed circle',
			description: '',
			theme: 'women',
			language: 'en',
			visibility: 'members'
		});
		if (!c.ok) throw new Error('no community');
		const inside = await createEvent(deps, organiser, form({ title: 'Circle meeting' }), {
			now,
			community: c.value.slug
		});
		if (!inside.ok) throw new Error(JSON.stringify(inside));
		const outsider = await buildActor(s, { name: 'Outside' });
		expect(await eventView(s.database.db, outsider, inside.value.id, now)).toBeNull();
		expect(
			(await listEvents(s.database.db, outsider, {}, now)).items.map((e) => e.title)
		).not.toContain('Circle meeting');
		expect(
			(await listEvents(s.database.db, organiser, {}, now)).items.map((e) => e.title)
		).toContain('Circle meeting');
		expect(
			await createEvent(deps, outsider, form(), { now, community: c.value.slug })
		).toMatchObject({ kind: 'not_found' });
	});

	it('a cancelled event tells everyone and takes no registrations', async () => {
		const other = await buildActor(s, { name: 'Too late' });
		expect(await cancelEvent(deps, other, eventId, now)).toMatchObject({ kind: 'not_found' });
		expect(await cancelEvent(deps, organiser, eventId, now)).toMatchObject({ ok: true });
		expect(await registerForEvent(deps, other, eventId, now)).toMatchObject({
			kind: 'conflict',
			errors: { form: 'error_event_cancelled' }
		});
		const cancelled = await s.database.db
			.select()
			.from(notification)
			.where(eq(notification.kind, 'event_cancelled'));
		expect(cancelled.length).toBeGreaterThan(40);
	});
});
