import { z } from 'zod';

/** Bidi overrides and isolates (a reversed "txt.exe") and NUL: never in what people write. */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069\0]/;

/**
 * Text a person writes for others to read (a message, a post, a title, a statement): line ends
 * made one, trimmed, between `min` and `max` characters, and refused with bidi controls.
 * `tooShort` and `tooLong` are the message keys of the two length errors.
 */
export function userText(min: number, max: number, tooShort: string, tooLong = tooShort) {
	return z
		.string()
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(
			z
				.string()
				.min(min, tooShort)
				.max(max, tooLong)
				.refine((s) => !CONTROLS.test(s), 'error_message_controls')
		);
}
