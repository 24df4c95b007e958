import type { Role } from '#lib/accounts/roles.ts';

declare global {
	namespace App {
		interface Locals {
			user: {
				id: string;
				name: string;
				locale: string;
				roles: Role[];
				/** Set while moderators suspended the account (moderation/suspension.ts). */
				suspendedUntil: Date | null;
			} | null;
			sessionId: string | null;
			clientAddress: string;
			rateLimited?: boolean;
			/** A suspended account sent a form it may not: shown again, nothing done. */
			suspendedRefusal?: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
