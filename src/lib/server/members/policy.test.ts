import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { canEditProfile, viewerOf } from './policy.ts';

const ACTORS: Record<string, Actor> = {
	visitor: null,
	owner: { id: 'owner', roles: ['member'] },
	member: { id: 'other', roles: ['member'] },
	moderator: { id: 'mod', roles: ['member', 'moderator'] },
	administrator: { id: 'admin', roles: ['member', 'administrator'] }
};

// Written out by hand. Staff see what members see, and edit nobody's profile
// (docs/decisions/0004-profile-visibility.md).
// prettier-ignore
const TABLE: [string, 'visitor' | 'member' | 'owner', boolean][] = [
	['visitor', 'visitor', false],
	['owner', 'owner', true],
	['member', 'member', false],
	['moderator', 'member', false],
	['administrator', 'member', false]
];

describe("who sees and edits a member's profile", () => {
	it.each(TABLE)('%s sees it as %s; may edit: %s', (who, seenAs, mayEdit) => {
		expect(viewerOf(ACTORS[who], 'owner')).toBe(seenAs);
		expect(canEditProfile(ACTORS[who], 'owner')).toBe(mayEdit);
	});
});
