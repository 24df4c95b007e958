import { z } from 'zod';
import { emailSchema, phoneSchema } from '#lib/accounts/schemas.ts';
import { hasHiddenCharacters, normaliseText } from '#lib/accounts/text-rules.ts';
import { isLanguageCode } from '#lib/members/codes.ts';
import { CLOSE_OUTCOMES, COMPLETE_OUTCOMES, STATUSES, TRANSITIONS } from './statuses.ts';

/** Fields of the person a caseworker may share, each only with the person's consent. */
export const SHARED_FIELDS = ['name', 'contact', 'language', 'notes'] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];
export const CONSENT_METHODS = ['verbal', 'written', 'digital'] as const;

const id = (error: string) => z.string({ error }).trim().min(1, error).max(100, error);

/** One line of text: no control, bidi-override or invisible characters; spaces folded. */
const line = (max: number, error: string) =>
	z
		.string({ error })
		.max(max * 4, error)
		.refine((v) => !hasHiddenCharacters(v), error)
		.transform(normaliseText)
		.pipe(z.string().max(max, error));

/** Controls other than tab and line breaks, and bidirectional overrides. */
// eslint-disable-next-line no-control-regex
const HIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/;

/** Several lines: line breaks kept, overrides and controls refused. */
const paragraph = (max: number, error: string) =>
	z
		.string({ error })
		.max(max, error)
		.refine((v) => !HIDDEN_IN_TEXT.test(v), error)
		.transform((v) => v.replace(/\r\n?/g, '\n').trim());

/** An e-mail address or an international phone number, told apart by the `@`. */
const contact = z
	.string({ error: 'referral_error_contact_invalid' })
	.max(254, 'referral_error_contact_invalid')
	.transform((v, ctx): { email?: string; phone?: string } => {
		const value = v.trim();
		if (!value) return {};
		const parsed = value.includes('@')
			? emailSchema.safeParse(value).data
			: phoneSchema.safeParse(value).data;
		if (!parsed) {
			ctx.addIssue({ code: 'custom', message: 'referral_error_contact_invalid' });
			return z.NEVER;
		}
		return value.includes('@') ? { email: parsed } : { phone: parsed };
	});

/** The new-referral form: who refers, whom, and the person's consent. */
export const referralForm = z.object({
	serviceId: id('referral_error_service_invalid'),
	fromOrganisationId: id('referral_error_organisation_required'),
	name: line(100, 'referral_error_name_invalid'),
	contact,
	language: z.union(
		[z.literal(''), z.string().refine(isLanguageCode, 'referral_error_language_invalid')],
		{ error: 'referral_error_language_invalid' }
	),
	notes: paragraph(1000, 'referral_error_notes_invalid'),
	shared: z
		.array(z.enum(SHARED_FIELDS, { error: 'referral_error_shared_invalid' }), {
			error: 'referral_error_shared_invalid'
		})
		.max(SHARED_FIELDS.length, 'referral_error_shared_invalid'),
	purpose: line(500, 'referral_error_purpose_invalid').pipe(
		z.string().min(3, 'referral_error_purpose_required')
	),
	method: z.enum(CONSENT_METHODS, { error: 'referral_error_method_required' }),
	agreed: z.literal(true, { error: 'referral_error_consent_required' })
});
export type ReferralInput = z.input<typeof referralForm>;
export type ReferralValues = z.output<typeof referralForm>;

const feedback = paragraph(2000, 'referral_error_feedback_invalid').pipe(
	z.string().min(3, 'referral_error_feedback_required')
);

/**
 * A status change. `expected` is the status the form was drawn for: if someone else changed the
 * referral in the meantime the change is refused rather than applied to a state nobody saw.
 */
export const transitionForm = z.discriminatedUnion(
	'transition',
	[
		z.object({ transition: z.literal(['accept', 'start']) }),
		z.object({
			transition: z.literal('decline'),
			reason: paragraph(1000, 'referral_error_reason_invalid').pipe(
				z.string().min(3, 'referral_error_reason_required')
			)
		}),
		z.object({
			transition: z.literal('complete'),
			outcome: z.enum(COMPLETE_OUTCOMES, { error: 'referral_error_outcome_required' }),
			feedback
		}),
		z.object({
			transition: z.literal('close'),
			outcome: z.enum(CLOSE_OUTCOMES, { error: 'referral_error_outcome_required' }),
			feedback
		}),
		z.object({ transition: z.literal('withdraw'), feedback })
	],
	{ error: 'referral_error_transition_invalid' }
);
export const expectedStatus = z.enum(STATUSES, { error: 'referral_error_transition_invalid' });
export type TransitionInput = z.output<typeof transitionForm>;
export { TRANSITIONS };

export const messageForm = z.object({
	body: paragraph(2000, 'referral_error_message_invalid').pipe(
		z.string().min(1, 'referral_error_message_required')
	)
});

/** Which referrals a list shows: received or sent by my organisations, or made for me. */
export const BOXES = ['received', 'sent', 'mine'] as const;
export type Box = (typeof BOXES)[number];

export const listQuery = z.object({
	box: z.enum(BOXES).optional().catch(undefined),
	status: z.enum(STATUSES).optional().catch(undefined),
	overdue: z
		.literal('1')
		.optional()
		.catch(undefined)
		.transform((v) => v === '1'),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type ListQuery = z.output<typeof listQuery>;

export const DIRECTIONS = ['received', 'sent'] as const;
export type Direction = (typeof DIRECTIONS)[number];
