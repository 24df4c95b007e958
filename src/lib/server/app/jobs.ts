import { remindStaleServices } from '../services/stale.ts';
import { remindOverdueReferrals } from '../referrals/reminders.ts';
import { remindAppointments } from '../appointments/reminders.ts';
import { remindUpcomingEvents } from '../events/reminders.ts';
import { closeDueOpportunities } from '../opportunities/close.ts';
import { remindQuietMentors } from '../mentoring/reminders.ts';
import type { Job } from '../platform/jobs.ts';
import { refreshStatistics } from '../platform/statistics.ts';
import type { PlatformContext } from '../platform/context.ts';
import type { Notifier } from '../notifications/notifier.ts';

/**
 * The platform's recurring jobs, run by the queue on its schedule (once across instances); each
 * decides itself whether anything is due, so running one again is harmless.
 */
export const JOBS: Job<PlatformContext & { notifier: Notifier }>[] = [
	{
		name: 'stale-services',
		cron: '17 * * * *',
		run: (s, now) =>
			remindStaleServices(s.database.db, s.mailer, {
				staleDays: s.config.serviceStaleDays,
				origin: s.config.origin,
				now
			})
	},
	{
		name: 'overdue-referrals',
		cron: '23 * * * *',
		run: (s, now) => remindOverdueReferrals({ db: s.database.db, notifier: s.notifier }, now)
	},
	{
		name: 'event-reminders',
		cron: '7 * * * *',
		run: (s, now) => remindUpcomingEvents({ db: s.database.db, notifier: s.notifier }, now)
	},
	{
		name: 'appointment-reminders',
		cron: '9 * * * *',
		run: (s, now) =>
			remindAppointments(
				{ db: s.database.db, notifier: s.notifier, sms: s.sms, origin: s.config.origin },
				now
			)
	},
	{
		name: 'close-opportunities',
		cron: '3 * * * *',
		run: (s, now) => closeDueOpportunities({ db: s.database.db, notifier: s.notifier }, now)
	},
	{
		name: 'mentoring-reminders',
		cron: '11 * * * *',
		run: (s, now) => remindQuietMentors({ db: s.database.db, notifier: s.notifier }, now)
	},
	{
		// The embedded database has no autovacuum: its planner statistics are refreshed nightly.
		name: 'planner-statistics',
		cron: '41 3 * * *',
		run: (s) => refreshStatistics(s.database)
	}
];
