import { remindStaleServices } from '../services/stale.ts';
import { remindOverdueReferrals } from '../referrals/reminders.ts';
import type { Job } from './jobs.ts';

/** The platform's background jobs (hourly; each decides itself whether anything is due). */
export const JOBS: Job[] = [
	{
		name: 'stale-services',
		run: (s, now) =>
			remindStaleServices(s.database.db, s.mailer, {
				staleDays: s.config.serviceStaleDays,
				origin: s.config.origin,
				now
			})
	},
	{
		name: 'overdue-referrals',
		run: (s, now) => remindOverdueReferrals(s.database.db, s.mailer, now, s.config.origin)
	}
];
