import { z } from 'zod';

/**
 * What a person can be told about. Each kind has a sentence shown in the account's list (it may
 * name the organisation or service, and give the reason of a decision) and a shorter one for
 * e-mail and SMS that names nothing: those leave the platform (docs/decisions/0017).
 */
export const NOTICE_KINDS = [
	'referral_new',
	'referral_status',
	'referral_message',
	'referral_overdue',
	'organisation_approved',
	'organisation_rejected',
	'service_approved',
	'service_returned',
	'join_requested',
	'join_accepted',
	'join_declined',
	'invitation_received',
	'invitation_accepted',
	'invitation_declined',
	'message_new',
	'moderation_decision',
	'moderation_report_reviewed',
	'moderation_appeal_decided',
	'community_reply',
	'event_promoted',
	'event_reminder',
	'event_cancelled',
	'appointment_booked',
	'appointment_reminder',
	'opportunity_application',
	'opportunity_status',
	'opportunity_message',
	'opportunity_closed',
	'mentoring_paired',
	'mentoring_reminder',
	'mentoring_ended'
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * How a person is told, besides the list on their account: `auto` is e-mail when the account has
 * an address, else a text message to its phone.
 */
export const NOTICE_CHANNELS = ['auto', 'email', 'sms', 'none'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const noticeSettingsForm = z.object({
	channel: z.enum(NOTICE_CHANNELS, { error: 'error_generic' })
});
