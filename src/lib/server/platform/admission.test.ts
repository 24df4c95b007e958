import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission.ts';

describe('admission', () => {
	it('runs a few at once, queues the next in arrival order, and turns away past the queue', async () => {
		const gate = createAdmission({ concurrency: 2, queue: 2, timeoutMs: 10_000 });
		const a = await gate.enter();
		const b = await gate.enter();
		expect(a && b).toBeTruthy();
		const order: string[] = [];
		const c = gate.enter().then((r) => (order.push('c'), r));
		const d = gate.enter().then((r) => (order.push('d'), r));
		expect(await gate.enter()).toBeNull(); // the queue is full
		expect(gate).toMatchObject({ running: 2, waiting: 2 });
		a!();
		a!(); // releasing twice frees one slot only
		const cRelease = await c;
		expect(order).toEqual(['c']);
		b!();
		await d;
		expect(order).toEqual(['c', 'd']);
		expect(gate).toMatchObject({ running: 2, waiting: 0 });
		cRelease!();
		expect(gate.running).toBe(1);
	});

	it('turns away a request that waited longer than the timeout, and frees its place', async () => {
		const gate = createAdmission({ concurrency: 1, queue: 5, timeoutMs: 50 });
		const first = await gate.enter();
		expect(await gate.enter()).toBeNull();
		expect(gate.waiting).toBe(0);
		first!();
		expect(gate.running).toBe(0);
		expect(await gate.enter()).toBeTruthy();
	});
});
