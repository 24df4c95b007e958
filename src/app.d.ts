import type { Role } from '#lib/accounts/roles.ts';

declare global {
	namespace App {
		interface Locals {
			user: { id: string; name: string; locale: string; roles: Role[] } | null;
			sessionId: string | null;
			clientAddress: string;
			rateLimited?: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
