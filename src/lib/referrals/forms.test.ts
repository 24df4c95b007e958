import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listQuery, messageForm, referralForm, transitionForm } from './forms.ts';
import { acceptanceDeadline, closureDeadline, isOverdue } from './statuses.ts';

const anything = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 300 }),
	fc.string({ unit: 'binary', maxLength: 3000 }),
	fc.constant('\u202egnp.exe'),
	fc.constant('<script>alert(1)</script>'),
	fc.constant("'; drop table referral; --"),
	fc.integer(),
	fc.constant(null),
	fc.array(fc.string({ maxLength: 20 }), { maxLength: 10 })
);

/** Every message a referral form can show; anything else would reach the person untranslated. */
const isKey = (message: string) => /^referral_error_[a-z_]+$/.test(message);

describe('referral forms', () => {
	it('turn any input into values or message keys, never an exception', () => {
		fc.assert(
			fc.property(
				fc.record({
					serviceId: anything,
					fromOrganisationId: anything,
					name: anything,
					contact: anything,
					language: anything,
					notes: anything,
					shared: anything,
					purpose: anything,
					method: anything,
					agreed: fc.oneof(fc.boolean(), anything)
				}),
				(raw) => {
					const r = referralForm.safeParse(raw);
					if (!r.success) for (const i of r.error.issues) expect(isKey(i.message)).toBe(true);
				}
			)
		);
		fc.assert(
			fc.property(
				fc.record({
					transition: anything,
					reason: anything,
					outcome: anything,
					feedback: anything
				}),
				(raw) => {
					const r = transitionForm.safeParse(raw);
					if (!r.success) for (const i of r.error.issues) expect(isKey(i.message)).toBe(true);
				}
			)
		);
		fc.assert(
			fc.property(anything, (body) => {
				const r = messageForm.safeParse({ body });
				if (!r.success) expect(isKey(r.error.issues[0].message)).toBe(true);
			})
		);
		fc.assert(
			fc.property(fc.dictionary(fc.string(), fc.string()), (q) => {
				expect(() => listQuery.parse(q)).not.toThrow();
			})
		);
	});

	it('tells an e-mail address from a phone number, and keeps line breaks in notes', () => {
		const base = {
			serviceId: 's',
			fromOrganisationId: 'o',
			name: '  Amina   Yusuf ',
			contact: '',
			language: '',
			notes: 'line one\r\nline two',
			shared: [],
			purpose: 'Housing',
			method: 'written',
			agreed: true
		};
		expect(referralForm.parse({ ...base, contact: ' Amina@Example.org ' })).toMatchObject({
			name: 'Amina Yusuf',
			contact: { email: 'amina@example.org' },
			notes: 'line one\nline two'
		});
		expect(referralForm.parse({ ...base, contact: '+33 6 12 34 56 78' }).contact).toEqual({
			phone: '+33612345678'
		});
		expect(referralForm.parse({ ...base, contact: '' }).contact).toEqual({});
		expect(referralForm.safeParse({ ...base, notes: 'a\u202eb' }).error?.issues[0].message).toBe(
			'referral_error_notes_invalid'
		);
	});

	it('asks an outcome for the right kind of ending', () => {
		const complete = { transition: 'complete', outcome: 'not_eligible', feedback: 'Done here.' };
		expect(transitionForm.safeParse(complete).error?.issues[0].message).toBe(
			'referral_error_outcome_required'
		);
		expect(transitionForm.parse({ ...complete, transition: 'close' })).toMatchObject({
			outcome: 'not_eligible'
		});
		expect(transitionForm.parse({ transition: 'accept', reason: 'ignored' })).toEqual({
			transition: 'accept'
		});
	});

	it('sets deadlines and knows when a referral is overdue', () => {
		const sent = new Date('2026-01-01T00:00:00Z');
		const due = acceptanceDeadline(sent, 7);
		expect(due.toISOString()).toBe('2026-01-08T00:00:00.000Z');
		expect(closureDeadline(sent, 7).toISOString()).toBe('2026-01-29T00:00:00.000Z');
		expect(isOverdue({ status: 'sent', dueAt: due }, new Date('2026-01-09'))).toBe(true);
		expect(isOverdue({ status: 'sent', dueAt: due }, new Date('2026-01-07'))).toBe(false);
		expect(isOverdue({ status: 'declined', dueAt: due }, new Date('2026-02-01'))).toBe(false);
	});
});
