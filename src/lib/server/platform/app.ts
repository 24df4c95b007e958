import type { Services } from './services.ts';

// The running server's services, created once by the `init` hook.
let current: Promise<Services> | undefined;

export function setServices(services: Promise<Services>) {
	current = services;
}

export function services(): Promise<Services> {
	if (!current) throw new Error('services used before start-up');
	return current;
}
