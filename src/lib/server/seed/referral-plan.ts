import { CLOSE_OUTCOMES, COMPLETE_OUTCOMES } from '#lib/referrals/statuses.ts';
import type { Org } from './plan-organisations.ts';
import type { PlannedService } from './service-documents.ts';
import {
	DECLINE_REASONS,
	FEEDBACK,
	FIRST,
	LAST,
	NOTES,
	PURPOSE,
	VISITOR_LANGUAGES
} from './service-data.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A step of a referral's life: a transition's form, by the receiving or the referring side. */
export type PlannedStep = { at: number; by: 'from' | 'to'; form: Record<string, string> };

/** A referral as the generator plans it: the new-referral form, when, and what happened since. */
export type PlannedReferral = {
	from: Org;
	to: Org;
	at: number;
	form: Record<string, unknown>;
	steps: PlannedStep[];
};

/**
 * Plans referral number `j` to one of `targets` from another organisation. Most referrals are
 * recent; the older ones are mostly finished, by a decline, a withdrawal, or acceptance, start
 * and completion (or closing); what has not happened by `now` is left out.
 */
export function planReferral(
	j: number,
	orgs: Org[],
	targets: PlannedService[],
	labels: Map<string, Record<string, string>>,
	rnd: () => number,
	now: number
): PlannedReferral {
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const target = pick(targets);
	const to = orgs[target.orgIndex];
	let fromIndex = Math.floor(rnd() * orgs.length);
	if (fromIndex === target.orgIndex) fromIndex = (fromIndex + 1) % orgs.length;
	const from = orgs[fromIndex];
	const fromLocale = from.home.locale;
	const toLocale = to.home.locale;
	const created = now - Math.floor(rnd() * rnd() * 365 * DAY) - Math.floor(rnd() * DAY);
	const age = (now - created) / DAY;
	const finished = rnd() < Math.min(0.985, age / 21);
	const r = rnd();
	const decided = created + (0.05 + rnd() * 4) * DAY;
	const started = decided + rnd() * 3 * DAY;
	const ended = started + (1 + rnd() * 30) * DAY;
	type Kind = 'accept' | 'start' | 'decline' | 'withdraw' | 'end';
	let path: [Kind, number][];
	if (finished && r < 0.12) path = [['decline', decided]];
	else if (finished && r < 0.2) path = [['withdraw', decided]];
	else if (finished)
		path = [
			['accept', decided],
			['start', started],
			['end', ended]
		];
	else if (r < 0.4) path = [];
	else if (r < 0.7) path = [['accept', decided]];
	else
		path = [
			['accept', decided],
			['start', started]
		];
	const shared = ['name'];
	const form: Record<string, unknown> = {
		serviceId: target.id,
		fromOrganisationId: from.id,
		name: `${pick(FIRST)} ${pick(LAST)}`,
		contact: '',
		language: '',
		notes: ''
	};
	if (rnd() < 0.7) {
		shared.push('contact');
		// Addresses that reach nobody (example.org), or one of the Australian mobile numbers
		// reserved for fiction: the referral form accepts only what could be real.
		form.contact = rnd() < 0.5 ? `person-${j}@example.org` : `+6149157015${6 + (j % 4)}`;
	}
	if (rnd() < 0.6) {
		shared.push('language');
		form.language = pick(VISITOR_LANGUAGES);
	}
	if (rnd() < 0.2) {
		shared.push('notes');
		form.notes = NOTES[fromLocale];
	}
	const feedback = pick(FEEDBACK[toLocale]);
	const reason = pick(DECLINE_REASONS[toLocale]);
	const need = labels.get(target.termIds[0])?.[fromLocale] ?? '';
	Object.assign(form, {
		shared,
		purpose: PURPOSE[fromLocale].replace('{need}', need),
		method: pick(['verbal', 'written', 'digital'] as const),
		agreed: true
	});
	const complete = r < 0.75;
	const outcome = complete ? pick(COMPLETE_OUTCOMES) : pick(CLOSE_OUTCOMES);
	const step = (kind: Kind, at: number): PlannedStep => {
		switch (kind) {
			case 'decline':
				return { at, by: 'to', form: { transition: 'decline', reason } };
			case 'withdraw':
				return { at, by: 'from', form: { transition: 'withdraw', feedback } };
			case 'end':
				return {
					at,
					by: 'to',
					form: { transition: complete ? 'complete' : 'close', outcome, feedback }
				};
			default:
				return { at, by: 'to', form: { transition: kind } };
		}
	};
	return {
		from,
		to,
		at: created,
		form,
		steps: path.filter(([, at]) => at <= now).map(([kind, at]) => step(kind, at))
	};
}
