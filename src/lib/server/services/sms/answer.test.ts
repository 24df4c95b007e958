import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as m from '#lib/paraglide/messages.js';
import { DATABASES, testServices } from '../../test/databases.ts';
import type { AppContext } from '../../app/context.ts';
import { startSmsWebhook } from '../../../../../tests/support/sms-webhook.ts';
import { seedGazetteer } from '../../places/seed-gazetteer.ts';
import { TEST_TOWNS } from '../../places/test-towns.ts';
import { outbox } from '../../platform/schema.ts';
import { smsConversation } from '../sms-schema.ts';
import { answerText } from './answer.ts';
import { allNeedWords } from './keywords.ts';
import { segmentsOf } from './fit.ts';

const ORIGIN = 'https://passerelle.test';
// A Wednesday, 10:00 in Lyon, Madrid and Dublin's 9:00.
const NOW = new Date('2026-12-02T09:00:00Z');

describe.each(DATABASES)('services by text message on $kind', (target) => {
	let s: AppContext;
	let sms: Awaited<ReturnType<typeof startSmsWebhook>>;
	let n = 0;
	const deps = () => ({
		db: s.database.db,
		sms: s.sms,
		origin: ORIGIN,
		secret: 'inbound-secret-0123'
	});
	/** A new sender each time unless given: `+221 77` numbers are Senegal's mobile range. */
	const ask = async (text: string, from = `+2217700${String(++n).padStart(5, '0')}`) => {
		await answerText(deps(), from, text, NOW);
		await s.queue.drain();
		const texts = sms.messages.filter((x) => x.to === from);
		if (process.env.SHOW_SMS) console.log(text, '=>', JSON.stringify(texts.at(-1)?.body));
		return { from, reply: texts.at(-1)?.body ?? '', count: texts.length };
	};

	beforeAll(async () => {
		sms = await startSmsWebhook();
		s = await testServices(target, { SEED_DEMO: 'true', SMS_WEBHOOK_URL: sms.url, ORIGIN });
		await seedGazetteer(s.database.db, TEST_TOWNS);
	});
	afterAll(async () => {
		await s.database.close();
		await sms.close();
	});

	it('answers in the language of the words, within one SMS, with a short link', async () => {
		const fr = (await ask('logement lyon')).reply;
		expect(fr).toContain('Halte de nuit');
		expect(fr).toMatch(/passerelle\.test\/fr\/s\/[A-Za-z0-9]+/);
		expect(segmentsOf(fr)).toBe(1);

		const ar = (await ask('قانوني باريس')).reply;
		expect(ar).toMatch(/passerelle\.test\/ar\/s\//);
		expect(segmentsOf(ar)).toBe(1);
		expect(ar).toMatch(/\p{Script=Arabic}/u);

		const es = (await ask('salud Dublín')).reply;
		expect(es).toContain('hoy');
		expect(segmentsOf(es)).toBe(1);

		const en = (await ask('HEALTH DAKAR')).reply;
		expect(en).toBe(m.sms_none({ need: 'HEALTH', town: 'Dakar' }, { locale: 'en' }));
	});

	it('MORE sends the next services, then says there are no more', async () => {
		// Three services in Amman, each named in Arabic: one per 70-character SMS.
		const first = await ask('عمان');
		expect(first.reply).toContain(m.sms_more({ word: 'المزيد' }, { locale: 'ar' }));
		expect(segmentsOf(first.reply)).toBe(1);
		let last = first.reply;
		for (let i = 0; i < 5 && last !== m.sms_no_more({}, { locale: 'ar' }); i++) {
			last = (await ask(i % 2 ? 'MORE' : 'المزيد', first.from)).reply;
			expect(segmentsOf(last)).toBe(1);
		}
		// The memory keeps the language of the question, whatever word asked for more.
		expect(last).toBe(m.sms_no_more({}, { locale: 'ar' }));
		const links = sms.messages
			.filter((x) => x.to === first.from)
			.flatMap((x) => x.body.match(/\/s\/[A-Za-z0-9]+/g) ?? []);
		expect(links.length).toBeGreaterThanOrEqual(3);
		expect(new Set(links).size).toBe(links.length);
	});

	it('unknown words get the help text listing the needs, in the words’ script', async () => {
		const help = (await ask('bonjour')).reply;
		expect(help).toBe(m.sms_help({ needs: allNeedWords('fr').join(' ') }, { locale: 'fr' }));
		for (const locale of ['en', 'fr', 'es', 'ar'] as const)
			expect(
				segmentsOf(m.sms_help({ needs: allNeedWords(locale).join(' ') }, { locale }))
			).toBeLessThanOrEqual(3);
		expect((await ask('logement Zzyzxville')).reply).toContain('« Zzyzxville »');
		expect((await ask('مرحبا')).reply).toMatch(/\p{Script=Arabic}/u);
	});

	it('keeps no number: the reply forgets it once sent, MORE holds only a keyed hash', async () => {
		const { from } = await ask('housing Lyon');
		const rows = await s.database.db.select().from(outbox).where(eq(outbox.channel, 'sms'));
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.status === 'sent' && r.recipient === '' && r.body === '')).toBe(
			true
		);
		const memory = await s.database.db.select().from(smsConversation);
		expect(JSON.stringify(memory)).not.toContain(from.slice(1));
		// An hour later the memory has gone.
		await answerText(deps(), from, 'help', new Date(NOW.getTime() + 61 * 60_000));
		const kept = await s.database.db.select({ key: smsConversation.key }).from(smsConversation);
		expect(kept).toHaveLength(0);
	});

	it('stops answering one number past the limit', async () => {
		const from = '+221770099999';
		let replied = 0;
		for (let i = 0; i < 14; i++)
			if ((await answerText(deps(), from, 'help', NOW)).replied) replied++;
		expect(replied).toBe(12);
	});
});
