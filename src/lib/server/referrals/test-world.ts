import { buildMember } from '../test/factories.ts';
import { testServices, type DATABASES } from '../test/databases.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Email } from '../platform/mail.ts';
import { answerAsPerson } from './person-confirmation.ts';
import { createReferral } from './create-referral.ts';
import type { ReferralDeps } from './deps.ts';
import { buildOrganisation, buildService, referralFormFor } from './test-helpers.ts';

/**
 * The people and organisations the referral tests share: a caseworker at a referring
 * organisation, a receiving organisation with two staff, a third organisation, a person, a
 * stranger, an administrator and a moderator; a service of each side; mail captured in `sent`.
 */
export async function buildReferralWorld(target: (typeof DATABASES)[number]) {
	const s = await testServices(target);
	const sent: Email[] = [];
	const deps: ReferralDeps = {
		db: s.database.db,
		dueDays: 7,
		notifier: s.notifier,
		origin: 'https://passerelle.test',
		mailer: { send: async (e) => void sent.push(e) }
	};
	const actor = async (roles: ('administrator' | 'moderator')[] = []) => {
		const m = await buildMember(s, { roles });
		return { id: m.id, roles: ['member' as const, ...roles], email: m.email };
	};
	const [caseworker, receiver, colleague, third, stranger] = await Promise.all(
		[1, 2, 3, 4, 5].map(() => actor())
	);
	const person = await actor();
	const admin: Actor = await actor(['administrator']);
	const moderator: Actor = await actor(['moderator']);
	const from = await buildOrganisation(s, 'Accueil Migrants Lyon', [caseworker.id]);
	const to = await buildOrganisation(s, 'Clinique juridique', [receiver.id, colleague.id]);
	await buildOrganisation(s, 'Third', [third.id]);
	const serviceId = await buildService(s, to.id, { name: 'Legal clinic' });
	const ownServiceId = await buildService(s, from.id, { name: 'Our own desk' });

	const create = (overrides: Record<string, unknown> = {}, who: Actor = caseworker) =>
		createReferral(deps, who, referralFormFor(serviceId, from.id, overrides));
	/** A referral for the person, who then confirms it is them (the only way it is linked). */
	const forPerson = async (overrides: Record<string, unknown> = {}) => {
		const created = await create({ contact: person.email, ...overrides });
		if (!created.ok) throw new Error('not created');
		const linked = await answerAsPerson(s.database.db, person, { id: created.value.id }, 'me');
		if (!linked.ok) throw new Error('not linked');
		return created;
	};
	return {
		s,
		deps,
		sent,
		caseworker: caseworker as Actor,
		receiver: receiver as Actor,
		colleague: colleague as Actor,
		third: third as Actor,
		stranger: stranger as Actor,
		person,
		personEmail: person.email,
		admin,
		moderator,
		from,
		to,
		serviceId,
		ownServiceId,
		create,
		forPerson
	};
}
