// What the invitation tests share (invitations-*.test.ts): the services on one database, a mailer
// and an SMS sender that keep what they send, members made to order, and short ways to invite
// someone and to read the link they received. Not a test file itself.
import { afterAll, beforeAll } from 'vitest';
import { testServices, type DATABASES } from '../test/databases.ts';
import { buildActor } from '../test/factories.ts';
import type { Actor } from '../accounts/policy.ts';
import type { Email } from '../platform/mail.ts';
import type { Sms } from '../platform/sms.ts';
import type { Db } from '../db/client.ts';
import { organisationAccess } from './access.ts';
import { inviteToOrganisation, type InvitationDeps } from './invitations.ts';

/** The link in an invitation's mail or text, and its token. */
export const TOKEN = /\/invitations\/([\w-]{43})/;

export const membershipOf = async (db: Db, actor: Actor, id: string) =>
	(await organisationAccess(db, actor, { id }))?.membership ?? null;

type Services = Awaited<ReturnType<typeof testServices>>;

/**
 * Registers the hooks of one `describe` on `target` (services before its tests, closed after) and
 * returns what its tests use; `s` is there once the tests run.
 */
export function invitationWorld(target: (typeof DATABASES)[number]) {
	let s: Services;
	let deps: InvitationDeps;
	const mails: Email[] = [];
	const texts: Sms[] = [];
	let n = 0;
	const unique = (tag: string) => `${tag}-${++n}-${Date.now().toString(36)}@example.org`;
	const phone = () => `+3361234${String(5000 + ++n).padStart(4, '0')}`;
	const typed = (e164: string) =>
		`+33 6 ${e164.slice(4, 6)} ${e164.slice(6, 8)} ${e164.slice(8, 10)} ${e164.slice(10)}`;

	const actor = (opts: { email?: string; phone?: string } = {}) => buildActor(s, opts);
	const to = (contact: string) => mails.filter((e) => e.to === contact);
	const smsTo = (contact: string) => texts.filter((e) => e.to === contact);
	const tokenIn = (text: string) => text.match(TOKEN)![1];
	const invite = (who: Actor, orgId: string, contact: unknown) =>
		inviteToOrganisation(deps, who, orgId, { contact });

	beforeAll(async () => {
		s = await testServices(target);
		deps = {
			db: s.database.db,
			notifier: s.notifier,
			origin: 'https://passerelle.test',
			locale: 'en',
			mailer: { send: async (e) => void mails.push(e) },
			sms: { send: async (e) => void texts.push(e) }
		};
	});
	afterAll(() => s.database.close());

	return {
		get s() {
			return s;
		},
		mails,
		texts,
		unique,
		phone,
		typed,
		actor,
		to,
		smsTo,
		tokenIn,
		invite
	};
}
