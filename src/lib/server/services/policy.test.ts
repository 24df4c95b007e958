import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/policy.ts';
import { canService, type ServiceAction } from './policy.ts';

const actors: Record<string, { actor: Actor; staff: boolean }> = {
	visitor: { actor: null, staff: false },
	member: { actor: { id: 'm', roles: ['member'] }, staff: false },
	staff: { actor: { id: 's', roles: ['member'] }, staff: true },
	moderator: { actor: { id: 'c', roles: ['member', 'moderator'] }, staff: false },
	administrator: { actor: { id: 'a', roles: ['member', 'administrator'] }, staff: false }
};

// prettier-ignore
const TABLE: [string, ServiceAction, 'published' | 'unpublished' | 'pending-org', boolean][] = [
	['visitor', 'view', 'published', true], ['visitor', 'view', 'unpublished', false], ['visitor', 'view', 'pending-org', false],
	['visitor', 'edit', 'published', false], ['visitor', 'curate', 'unpublished', false],
	['member', 'view', 'published', true], ['member', 'view', 'unpublished', false], ['member', 'edit', 'published', false],
	['member', 'curate', 'unpublished', false],
	['staff', 'view', 'unpublished', true], ['staff', 'view', 'pending-org', true], ['staff', 'edit', 'published', true],
	['staff', 'curate', 'unpublished', false],
	['moderator', 'view', 'unpublished', true], ['moderator', 'edit', 'published', false], ['moderator', 'curate', 'unpublished', true],
	['administrator', 'view', 'pending-org', true], ['administrator', 'edit', 'published', false],
	['administrator', 'curate', 'unpublished', true],
	['visitor', 'verify', 'published', false], ['member', 'verify', 'published', false],
	['staff', 'verify', 'published', true], ['moderator', 'verify', 'published', true],
	['administrator', 'verify', 'published', true],
	['visitor', 'save', 'published', false], ['member', 'save', 'published', true],
	['member', 'save', 'unpublished', false], ['member', 'save', 'pending-org', false],
	['staff', 'save', 'unpublished', false], ['moderator', 'save', 'pending-org', false]
];

describe('who may do what with a service', () => {
	it.each(TABLE)('%s · %s · %s → %s', (who, action, state, expected) => {
		const { actor, staff } = actors[who];
		const svc = {
			published: state !== 'unpublished',
			organisationStatus: state === 'pending-org' ? 'pending' : 'approved'
		};
		expect(canService(actor, action, svc, staff)).toBe(expected);
	});
});
