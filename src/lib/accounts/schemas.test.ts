import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	emailSchema,
	nameSchema,
	passwordSchema,
	phoneSchema,
	signUpEmailForm
} from './schemas.ts';

describe('names', () => {
	it.each([
		'Hélène Mbarga',
		'محمد الحداد',
		'王秀英',
		'Nguyễn Thị Lan',
		'Ольга Петрова',
		'O’Brien-Núñez',
		'می‌خواهم'
	])('accepts %s intact', (name) => {
		expect(nameSchema.parse(name)).toBe(name.normalize('NFC'));
	});

	it.each([
		['', 'error_name_required'],
		['   ', 'error_name_required'],
		['x'.repeat(10_000), 'error_name_too_long'],
		['x'.repeat(101), 'error_name_too_long'],
		['abc\u202Etxt.exe', 'error_name_hidden_characters'],
		['a\u2066b', 'error_name_hidden_characters'],
		['zero\u200Bwidth', 'error_name_hidden_characters'],
		['bell\u0007', 'error_name_hidden_characters'],
		['new\nline', 'error_name_hidden_characters']
	])('refuses %j with %s', (name, key) => {
		const r = nameSchema.safeParse(name);
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].message).toBe(key);
	});

	it('never throws and only yields known messages, whatever the input', () => {
		const known = new Set([
			'error_name_required',
			'error_name_too_long',
			'error_name_hidden_characters',
			'error_name_symbols'
		]);
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary' })),
				(s) => {
					const r = nameSchema.safeParse(s);
					if (r.success) {
						expect(r.data.length).toBeGreaterThan(0);
						expect(r.data.length).toBeLessThanOrEqual(100);
					} else expect(known.has(r.error.issues[0].message)).toBe(true);
				}
			)
		);
	});
});

describe('e-mail, password and phone', () => {
	it('lower-cases and trims e-mail addresses', () => {
		expect(emailSchema.parse('  Amara@Example.ORG ')).toBe('amara@example.org');
		expect(emailSchema.safeParse('amara@').success).toBe(false);
		expect(emailSchema.safeParse(`${'a'.repeat(250)}@example.org`).success).toBe(false);
	});

	it('wants passwords long and varied', () => {
		expect(passwordSchema.safeParse('short').success).toBe(false);
		expect(passwordSchema.safeParse('aaaaaaaaaaaaaaaa').success).toBe(false);
		expect(passwordSchema.safeParse('a sturdy passphrase').success).toBe(true);
	});

	it.each([
		['+33 6 12 34 56 78', '+33612345678'],
		['+962 7 9123 4567', '+962791234567'],
		['+1 (415) 555-2671', '+14155552671'],
		['+34-612-345-678', '+34612345678']
	])('normalises %s to %s', (input, e164) => {
		expect(phoneSchema.parse(input)).toBe(e164);
	});

	it.each(['0612345678', '+33 1', 'call me', '+999 123', ''])('refuses %j', (input) => {
		expect(phoneSchema.safeParse(input).success).toBe(false);
	});

	it('reports every bad field of a sign-up at once', () => {
		const r = signUpEmailForm.safeParse({ name: '', email: 'x', password: '1' });
		expect([...new Set(r.error?.issues.map((i) => i.path[0]))].sort()).toEqual([
			'email',
			'name',
			'password'
		]);
	});
});
