import { eq } from 'drizzle-orm';
import { fieldErrors } from '#lib/accounts/schemas.ts';
import { noticeSettingsForm, type NoticeChannel } from '#lib/notifications/kinds.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../accounts/policy.ts';
import { user } from '../accounts/schema.ts';
import { NO_EMAIL_DOMAIN } from '../platform/mail.ts';
import { failure, ok, type Result } from '../platform/result.ts';
import { notificationSetting } from './schema.ts';

/** The person's choice and the contacts it can use: an address, a verified phone. */
export async function noticeSettings(db: Db, userId: string) {
	const [row] = await db
		.select({
			email: user.email,
			phone: user.phoneNumber,
			phoneVerified: user.phoneNumberVerified,
			channel: notificationSetting.channel
		})
		.from(user)
		.leftJoin(notificationSetting, eq(notificationSetting.userId, user.id))
		.where(eq(user.id, userId));
	return {
		channel: (row?.channel ?? 'auto') as NoticeChannel,
		hasEmail: !!row && !row.email.endsWith(`@${NO_EMAIL_DOMAIN}`),
		hasPhone: !!row?.phone && !!row.phoneVerified
	};
}

/** Saves how the person is told; a channel their account has no contact for is refused. */
export async function saveNoticeSettings(db: Db, actor: Actor, raw: unknown): Promise<Result> {
	if (!actor) return failure('forbidden');
	const parsed = noticeSettingsForm.safeParse(raw);
	if (!parsed.success) return failure('invalid', fieldErrors(parsed.error));
	const { channel } = parsed.data;
	const has = await noticeSettings(db, actor.id);
	if (channel === 'email' && !has.hasEmail)
		return failure('invalid', { channel: 'error_notice_no_email' });
	if (channel === 'sms' && !has.hasPhone)
		return failure('invalid', { channel: 'error_notice_no_phone' });
	await db
		.insert(notificationSetting)
		.values({ userId: actor.id, channel, updatedAt: new Date() })
		.onConflictDoUpdate({
			target: notificationSetting.userId,
			set: { channel, updatedAt: new Date() }
		});
	return ok();
}
