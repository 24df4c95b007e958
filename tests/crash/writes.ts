// The writes of the crash test and what each client knows of them: members saving their profiles
// (numbered saves), a caseworker creating referrals, a provider moving them on through their
// statuses. `burstUntilKilled` runs one round of them until the server is SIGKILLed.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActionAnswer, Client } from './client.ts';

export const STATUSES = ['sent', 'accepted', 'in_progress', 'completed'] as const;
export type Status = (typeof STATUSES)[number];
const NEXT: Record<Status, string | null> = {
	sent: 'accept',
	accepted: 'start',
	in_progress: 'complete',
	completed: null
};
const PROFILE_FIELDS = [
	'headline',
	'photo',
	'origin',
	'residence',
	'city',
	'languages',
	'expertise',
	'interests',
	'bio',
	'links'
];

export type Member = { client: Client; name: string; email: string; sent: number; acked: number };
/** `inDoubt`: a transition was on its way when the server died; it may or may not have landed. */
export type Referral = { id: string; acked: Status; moving: boolean; inDoubt: boolean };

function profileFields(m: Member, n: number) {
	return {
		name: m.name,
		headline: `${m.name} save ${n}`,
		city: `City ${n}`,
		bio: `Bio ${n}`,
		residence: '',
		interests: '',
		contentLocale: 'en',
		listed: 'members',
		...Object.fromEntries(PROFILE_FIELDS.map((f) => [`vis_${f}`, 'members']))
	};
}

/** The number a profile save ends its fields with (0 when none). */
export const seq = (text: string | null | undefined) => Number(text?.match(/(\d+)$/)?.[1] ?? 0);

export type Burst = {
	/** Writes answered other than expected, or unanswered before the kill. */
	unexpected: string[];
	acks: number;
	inFlightAtKill: number;
	/** How long past `acksBeforeKill` acknowledged writes the kill came, in ms. */
	extra: number;
	burstStarted: number;
};

/**
 * One round: every member saves their profile again and again, the caseworker creates referrals on
 * two lanes, the provider moves them on; once `acksBeforeKill` writes were acknowledged, and a
 * random while longer, `kill` is called. Updates `members` and `referrals` with what each client
 * was told, and returns once every write has its answer or has lost its server.
 */
export async function burstUntilKilled(
	round: number,
	world: {
		members: Member[];
		referrals: Referral[];
		caseworker: Client;
		provider: Client;
		serviceId: string;
		fromOrganisationId: string;
		acksBeforeKill: number;
		kill: () => Promise<void>;
	}
): Promise<Burst> {
	const { members, referrals, caseworker, provider, serviceId, fromOrganisationId } = world;
	let stop = false;
	let killing = false;
	let inFlight = 0;
	let acks = 0;
	let created = 0;
	const unexpected: string[] = [];
	/** One write; true when it was acknowledged, false when the server went away. */
	async function write(
		send: () => Promise<ActionAnswer>,
		ok: (a: ActionAnswer) => boolean,
		label: string
	) {
		inFlight++;
		try {
			const answer = await send();
			if (!ok(answer)) {
				unexpected.push(`${label}: ${JSON.stringify(answer).slice(-400)}`);
				stop = true;
				return false;
			}
			acks++;
			return true;
		} catch (error) {
			// No answer: the server was killed while this write was on its way. Before the
			// kill, a missing or unreadable answer is a failure of its own.
			if (!killing) {
				unexpected.push(`${label}: ${(error as Error).message.slice(0, 400)}`);
				stop = true;
			}
			return false;
		} finally {
			inFlight--;
		}
	}

	const saving = members.map(async (m) => {
		while (!stop) {
			const n = ++m.sent;
			const done = await write(
				() => m.client.action('/en/profile?/save', profileFields(m, n)),
				(a) => a.type === 'success',
				`profile ${m.email} #${n}`
			);
			if (!done) return;
			m.acked = n;
		}
	});
	const referring = [1, 2].map(async (lane) => {
		while (!stop) {
			const name = `Crash person ${round}-${lane}-${++created}`;
			let id = '';
			const done = await write(
				() =>
					caseworker.action('/en/referrals/new', {
						serviceId,
						fromOrganisationId,
						name,
						contact: '',
						language: '',
						notes: '',
						shared: 'name',
						purpose: 'A bed for tonight.',
						method: 'verbal',
						agreed: 'yes'
					}),
				(a) => {
					id =
						a.type === 'redirect'
							? (a.location.match(/\/referrals\/([0-9a-f-]{36})\?created=1$/)?.[1] ?? '')
							: '';
					return !!id;
				},
				`referral ${name}`
			);
			if (!done) return;
			referrals.push({ id, acked: 'sent', moving: false, inDoubt: false });
		}
	});
	const receiving = (async () => {
		while (!stop) {
			const r = referrals.find((x) => !x.moving && !x.inDoubt && NEXT[x.acked]);
			if (!r) {
				await sleep(10);
				continue;
			}
			const transition = NEXT[r.acked]!;
			r.moving = true;
			const done = await write(
				() =>
					provider.action(`/en/referrals/${r.id}?/transition`, {
						transition,
						expected: r.acked,
						reason: '',
						outcome: transition === 'complete' ? 'service_provided' : '',
						feedback: transition === 'complete' ? 'Stayed three nights.' : ''
					}),
				(a) => a.type === 'success' && (a.data ?? '').includes('referral_status_saved'),
				`${transition} ${r.id}`
			);
			r.moving = false;
			if (!done) {
				r.inDoubt = true;
				return;
			}
			r.acked = STATUSES[STATUSES.indexOf(r.acked) + 1];
		}
	})();

	// The burst runs; the server is killed at a random moment once enough writes landed.
	const burstStarted = Date.now();
	while (acks < world.acksBeforeKill && !stop && Date.now() - burstStarted < 30_000) await sleep(5);
	const extra = 150 + Math.floor(Math.random() * 1000);
	await sleep(extra);
	const inFlightAtKill = inFlight;
	killing = true;
	await world.kill();
	stop = true;
	await Promise.all([...saving, ...referring, receiving]);
	return { unexpected, acks, inFlightAtKill, extra, burstStarted };
}
