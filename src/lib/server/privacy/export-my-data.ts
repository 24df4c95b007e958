import type { Db } from '../db/client.ts';
import { accountDataOf } from '../accounts/account-data.ts';
import { profileDataOf } from '../members/profile-data.ts';
import { membershipsOf } from '../organisations/membership-data.ts';
import { referralsAboutPerson } from '../referrals/person-data.ts';
import { savedServicesOf } from '../services/saved-services.ts';
import { noticesOf } from '../notifications/notices.ts';
import { noticeSettings } from '../notifications/settings.ts';
import { bookingsOf } from '../appointments/reminders.ts';
import { storiesOfPerson } from '../stories/stories.ts';
import { resourcesOfPerson } from '../library/person-data.ts';
import { skillsOfPerson } from '../skills/person-data.ts';
import { opportunitiesOfPerson } from '../opportunities/person-data.ts';
import { mentoringOfPerson } from '../mentoring/person-data.ts';
import { eventsOfPerson } from '../events/person-data.ts';
import { communitiesOfPerson } from '../communities/person-data.ts';
import { moderationOfPerson } from '../moderation/person-data.ts';
import { messagesOfPerson } from '../messages/person-data.ts';
import { messagesTo, recordedActionsOf } from '../platform/person-records.ts';

/**
 * Everything stored about a person, as they may download it (no secrets: no password hash, no
 * tokens). Each module answers for its own tables; this gathers their answers.
 */
export async function exportMyData(db: Db, userId: string) {
	const mine = await accountDataOf(db, userId);
	if (!mine) return null;
	const { contacts, ...account } = mine;
	return {
		exportedAt: new Date().toISOString(),
		...account,
		profile: await profileDataOf(db, userId),
		organisations: await membershipsOf(db, userId),
		messagesSentToYou: await messagesTo(db, contacts),
		notifications: {
			howYouAreTold: (await noticeSettings(db, userId)).channel,
			notices: await noticesOf(db, userId)
		},
		referralsAboutYou: await referralsAboutPerson(db, userId),
		privateMessages: await messagesOfPerson(db, userId),
		moderation: await moderationOfPerson(db, userId),
		communities: await communitiesOfPerson(db, userId),
		events: await eventsOfPerson(db, userId),
		stories: await storiesOfPerson(db, userId),
		skillsProfile: await skillsOfPerson(db, userId),
		opportunities: await opportunitiesOfPerson(db, userId),
		mentoring: await mentoringOfPerson(db, userId),
		libraryContributions: await resourcesOfPerson(db, userId),
		appointments: await bookingsOf(db, userId),
		savedServices: (await savedServicesOf(db, userId, account.account.locale ?? 'en')).map(
			(saved) => ({ service: saved.id, name: saved.name, savedAt: saved.savedAt })
		),
		recordedActions: await recordedActionsOf(db, userId)
	};
}
