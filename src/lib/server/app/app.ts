import type { AppContext } from './context.ts';

// The running server's context, created once by the `init` hook.
let current: Promise<AppContext> | undefined;

export function setApp(context: Promise<AppContext>) {
	current = context;
}

export function app(): Promise<AppContext> {
	if (!current) throw new Error('app used before start-up');
	return current;
}
