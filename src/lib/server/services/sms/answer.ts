import { createHmac } from 'node:crypto';
import { and, eq, inArray, lt } from 'drizzle-orm';
import * as m from '#lib/paraglide/messages.js';
import { serviceQuery } from '#lib/services/search-query.ts';
import type { Db } from '../../db/client.ts';
import type { SmsSender } from '../../platform/sms.ts';
import { hitRateLimit, RULES } from '../../platform/rate-limit.ts';
import { findPlace } from '../../places/find-place.ts';
import { searchServices } from '../search-services.ts';
import { service, serviceOpening } from '../schema.ts';
import { smsConversation } from '../sms-schema.ts';
import { textsFor } from '../service-texts.ts';
import { allNeedWords, moreWord, needWord, type SmsLocale } from './keywords.ts';
import { readText } from './read-text.ts';
import { fitLines, type SmsLine } from './fit.ts';
import { hoursToday } from './hours-today.ts';

export type SmsAnswerDeps = {
	db: Db;
	sms: SmsSender;
	/** The public origin, for short links. */
	origin: string;
	/** Keys the hash that stands for a number in the "MORE" memory. */
	secret: string;
};

/** How long "MORE" remembers what is left to send. */
const MEMORY_MS = 60 * 60 * 1000;
/** Services fetched for one question: a few texts' worth. */
const FETCH = 24;

const conversationKey = (secret: string, from: string) =>
	createHmac('sha256', secret).update(`sms-conversation:${from}`).digest('base64url');

/** The lines of these services in this order, in the reader's language, hours as of `now`. */
async function linesOf(db: Db, ids: string[], locale: SmsLocale, origin: string, now: Date) {
	if (!ids.length) return [];
	const [rows, openings] = await Promise.all([
		db
			.select({
				id: service.id,
				shortCode: service.shortCode,
				doc: service.doc,
				contentLocale: service.contentLocale,
				translations: service.translations
			})
			.from(service)
			.where(and(inArray(service.id, ids), eq(service.published, true))),
		db.select().from(serviceOpening).where(inArray(serviceOpening.serviceId, ids))
	]);
	const host = origin.replace(/^https?:\/\//, '');
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id): (SmsLine & { id: string })[] => {
		const row = byId.get(id);
		if (!row) return [];
		const hours = hoursToday(
			openings.filter((o) => o.serviceId === id),
			now
		);
		return [
			{
				id,
				name: textsFor(row, locale).name,
				phone: row.doc.phones?.[0]?.number?.replace(/[^\d+]/g, '') || null,
				hours:
					hours === null
						? null
						: hours === ''
							? m.sms_closed_today({}, { locale })
							: m.sms_today({ hours }, { locale }),
				link: `${host}/${locale}/s/${row.shortCode}`
			}
		];
	});
}

/** One text's worth of the services in `ids`, and the ids it did not have room for. */
async function nextText(deps: SmsAnswerDeps, ids: string[], locale: SmsLocale, now: Date) {
	const shown = ids.slice(0, 8);
	const later = ids.slice(shown.length);
	const lines = await linesOf(deps.db, shown, locale, deps.origin, now);
	if (!lines.length) return { text: m.sms_no_more({}, { locale }), left: [] };
	const hint = m.sms_more({ word: moreWord(locale) }, { locale });
	const { text, used } = fitLines(lines, hint, later.length > 0);
	return { text, left: [...lines.slice(used).map((l) => l.id), ...later] };
}

async function remember(
	deps: SmsAnswerDeps,
	key: string,
	locale: SmsLocale,
	left: string[],
	now: Date
) {
	if (!left.length) {
		await deps.db.delete(smsConversation).where(eq(smsConversation.key, key));
		return;
	}
	const values = { key, locale, remaining: left, expiresAt: new Date(now.getTime() + MEMORY_MS) };
	await deps.db
		.insert(smsConversation)
		.values(values)
		.onConflictDoUpdate({ target: smsConversation.key, set: values });
}

/** The reply to a text, and what "MORE" will continue with. */
async function replyTo(deps: SmsAnswerDeps, from: string, text: string, now: Date) {
	const key = conversationKey(deps.secret, from);
	const request = readText(text);
	if (request.kind === 'more') {
		const [memory] = await deps.db
			.select()
			.from(smsConversation)
			.where(eq(smsConversation.key, key));
		const locale = (memory?.locale as SmsLocale | undefined) ?? request.locale ?? 'en';
		if (!memory?.remaining.length) return m.sms_no_more({}, { locale });
		const { text: reply, left } = await nextText(deps, memory.remaining, locale, now);
		await remember(deps, key, locale, left, now);
		return reply;
	}
	const { locale } = request;
	if (request.kind === 'help')
		return m.sms_help({ needs: allNeedWords(locale).join(' ') }, { locale });
	const place = await findPlace(deps.db, request.town, { locale });
	if (!place) return m.sms_no_town({ town: request.typed.slice(0, 30) }, { locale });
	const query = serviceQuery.parse({ need: request.need ?? '', per_page: String(FETCH) });
	const found = await searchServices(deps.db, query, {
		locale,
		at: now,
		origin: { lat: place.latitude, lon: place.longitude }
	});
	// Nearest first, and among them those open now before those that are not.
	const ids = [
		...found.items.filter((s) => s.openNow),
		...found.items.filter((s) => !s.openNow)
	].map((s) => s.id);
	if (!ids.length) {
		await remember(deps, key, locale, [], now);
		return request.need
			? m.sms_none({ need: needWord(request.need, locale), town: place.name }, { locale })
			: m.sms_none_any({ town: place.name }, { locale });
	}
	const { text: reply, left } = await nextText(deps, ids, locale, now);
	await remember(deps, key, locale, left, now);
	return reply;
}

/**
 * Answers a text sent to the services line: the nearest services for a need and a town, the next
 * ones for "MORE", or the help text, through the queue, in the language of the words. The number
 * is kept only as the rate limit's hash and, for an hour, the keyed hash of "MORE"; its reply's
 * outbox row forgets it once sent. Over the limit, nothing is sent.
 */
export async function answerText(
	deps: SmsAnswerDeps,
	from: string,
	text: string,
	now = new Date()
): Promise<{ replied: boolean }> {
	if (!(await hitRateLimit(deps.db, RULES.smsInbound, from)).allowed) return { replied: false };
	await deps.db.delete(smsConversation).where(lt(smsConversation.expiresAt, now));
	const body = await replyTo(deps, from, text, now);
	await deps.sms.send({ to: from, body }, { forget: true });
	return { replied: true };
}
