import { describe, expect, it } from 'vitest';
import { canConversation, canStart, type ConversationTie, type Reach } from './policy.ts';

const me = { id: 'me', roles: ['member' as const] };
const admin = { id: 'admin', roles: ['member' as const, 'administrator' as const] };

describe('who may read and write a conversation', () => {
	const tie = (t: Partial<ConversationTie>): ConversationTie => ({
		member: true,
		left: false,
		blocked: false,
		...t
	});
	// actor, action, tie, answer — written out by hand
	it.each([
		[me, 'read', tie({}), true],
		[me, 'post', tie({}), true],
		[me, 'leave', tie({}), true],
		[me, 'read', tie({ left: true }), true],
		[me, 'post', tie({ left: true }), false],
		[me, 'leave', tie({ left: true }), false],
		[me, 'read', tie({ blocked: true }), true],
		[me, 'post', tie({ blocked: true }), false],
		[me, 'read', tie({ member: false }), false],
		[me, 'post', tie({ member: false }), false],
		[admin, 'read', tie({ member: false }), false],
		[null, 'read', tie({}), false]
	] as const)('%o %s %o → %s', (actor, action, t, answer) => {
		expect(canConversation(actor, action, t)).toBe(answer);
	});
});

describe('who may start a conversation with a member', () => {
	const reach = (r: Partial<Reach>): Reach => ({
		allow: 'members',
		shared: false,
		blocked: false,
		gone: false,
		...r
	});
	it.each([
		[me, 'them', reach({}), true],
		[me, 'them', reach({ allow: 'shared' }), false],
		[me, 'them', reach({ allow: 'shared', shared: true }), true],
		[me, 'them', reach({ allow: 'nobody', shared: true }), false],
		[me, 'them', reach({ blocked: true }), false],
		[me, 'them', reach({ gone: true }), false],
		[me, 'me', reach({}), false],
		[admin, 'them', reach({ allow: 'nobody' }), false],
		[null, 'them', reach({}), false]
	] as const)('%o → %s %o: %s', (actor, target, r, answer) => {
		expect(canStart(actor, target, r)).toBe(answer);
	});
});
