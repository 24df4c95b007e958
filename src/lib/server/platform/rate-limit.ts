import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

export type RateRule = { name: string; limit: number; windowSeconds: number };

/**
 * Limits per client address, counted across all instances. Generous enough for a workshop where
 * a whole class signs up behind one office connection, tight enough to stop guessing at scale;
 * one-time codes are also limited per code by better-auth (5 attempts).
 */
export const RULES = {
	signIn: { name: 'sign-in', limit: 30, windowSeconds: 300 },
	signUp: { name: 'sign-up', limit: 20, windowSeconds: 600 },
	code: { name: 'code', limit: 15, windowSeconds: 600 },
	reset: { name: 'reset', limit: 10, windowSeconds: 600 },
	referral: { name: 'referral', limit: 120, windowSeconds: 600 },
	/** Invitations sent by one organisation, and received by one contact, per hour. */
	inviteByOrganisation: { name: 'invite-org', limit: 30, windowSeconds: 3600 },
	inviteByContact: { name: 'invite-contact', limit: 3, windowSeconds: 3600 },
	// Per target (an address, a number, an account), whoever asks: stops guessing one account's
	// password from many addresses, and mail or SMS floods (and SMS pumping) aimed at one person.
	signInAccount: { name: 'sign-in-account', limit: 10, windowSeconds: 900 },
	mailToAddress: { name: 'mail-address', limit: 3, windowSeconds: 3600 },
	codeToNumberHour: { name: 'code-number-hour', limit: 5, windowSeconds: 3600 },
	codeToNumberDay: { name: 'code-number-day', limit: 10, windowSeconds: 86_400 },
	codeTriesPerNumber: { name: 'code-tries-number', limit: 10, windowSeconds: 600 },
	/** Texts one number sends to the services-by-SMS line: a person asking, not a pump. */
	smsInbound: { name: 'sms-inbound', limit: 12, windowSeconds: 3600 },
	/** Private messages from one address (the hook), and from one account (messages/post.ts). */
	messages: { name: 'messages', limit: 300, windowSeconds: 600 },
	messagesByAccount: { name: 'messages-account', limit: 120, windowSeconds: 600 },
	/** New conversations one account starts: many strangers written to at once is spam. */
	conversationsByAccount: { name: 'conversations-account', limit: 20, windowSeconds: 3600 },
	/** Reports one account sends (moderation/report.ts): plenty for a person, not a flood. */
	reportsByAccount: { name: 'reports-account', limit: 30, windowSeconds: 3600 },
	/** Community posts from one address (the hook) and one account (communities/posts.ts). */
	posts: { name: 'posts', limit: 200, windowSeconds: 600 },
	postsByAccount: { name: 'posts-account', limit: 60, windowSeconds: 600 },
	/** New threads one account opens: a discussion every few minutes, not a flood. */
	threadsByAccount: { name: 'threads-account', limit: 10, windowSeconds: 3600 },
	communitiesByAccount: { name: 'communities-account', limit: 5, windowSeconds: 86_400 },
	eventsByAccount: { name: 'events-account', limit: 20, windowSeconds: 86_400 },
	/** Library contributions one account sends in a day (each waits for a moderator). */
	resourcesByAccount: { name: 'resources-account', limit: 20, windowSeconds: 86_400 },
	/** Opportunities one account posts in a day; applications it sends in a day. */
	opportunitiesByAccount: { name: 'opportunities-account', limit: 20, windowSeconds: 86_400 },
	applicationsByAccount: { name: 'applications-account', limit: 50, windowSeconds: 86_400 },
	/** Quiz attempts one account makes in an hour: many tries, not guessing by script. */
	quizAttemptsByAccount: { name: 'quiz-attempts-account', limit: 60, windowSeconds: 3600 },
	/** Appointments one account or phone number books in a day: a person, not a squatter. */
	bookingsByPerson: { name: 'bookings-person', limit: 5, windowSeconds: 86_400 },
	/** Registrations from one address (the hook): a family registering, not a script. */
	events: { name: 'events', limit: 120, windowSeconds: 600 }
} satisfies Record<string, RateRule>;

/** Which POST paths count against which rule (form actions and the auth API alike). */
export function ruleForPath(pathname: string): RateRule | null {
	const p = pathname.replace(/^\/(en|fr|es|ar)(?=\/)/, '');
	if (/^\/(sign-in$|api\/auth\/sign-in\/)/.test(p)) return RULES.signIn;
	if (/^\/(sign-up$|api\/auth\/sign-up\/)/.test(p)) return RULES.signUp;
	if (/^\/(sign-in\/phone$|api\/auth\/phone-number\/)/.test(p)) return RULES.code;
	if (
		/^\/(forgot-password$|reset-password$|api\/auth\/(request-password-reset|reset-password|send-verification-email))/.test(
			p
		)
	)
		return RULES.reset;
	// Referrals and their thread: a busy caseworker stays far below; a script sending mail does not.
	if (/^\/referrals(\/|$)/.test(p)) return RULES.referral;
	if (/^\/messages(\/|$)/.test(p)) return RULES.messages;
	if (/^\/communities(\/|$)/.test(p)) return RULES.posts;
	if (/^\/events(\/|$)/.test(p)) return RULES.events;
	if (/^\/(appointments|services\/[^/]+\/appointments)(\/|$)/.test(p)) return RULES.events;
	return null;
}

export async function hitRateLimit(db: Db, rule: RateRule, client: string) {
	// Hash so that the table never holds an address.
	const key = createHash('sha256').update(`${rule.name}:${client}`).digest('base64url');
	const rows = await db.execute<{ count: number; window_start: string }>(sql`
		insert into rate_limit (key, count, window_start) values (${key}, 1, now())
		on conflict (key) do update set
			count = case when rate_limit.window_start < now() - make_interval(secs => ${rule.windowSeconds})
				then 1 else rate_limit.count + 1 end,
			window_start = case when rate_limit.window_start < now() - make_interval(secs => ${rule.windowSeconds})
				then now() else rate_limit.window_start end
		returning count, window_start`);
	const row = (Array.isArray(rows) ? rows[0] : (rows as { rows: unknown[] }).rows[0]) as {
		count: number;
		window_start: string | Date;
	};
	const allowed = Number(row.count) <= rule.limit;
	const started = new Date(row.window_start).getTime();
	const retryAfter = Math.max(
		1,
		Math.ceil((started + rule.windowSeconds * 1000 - Date.now()) / 1000)
	);
	return { allowed, retryAfter };
}
