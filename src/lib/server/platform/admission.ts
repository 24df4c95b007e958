/**
 * A bounded, first-come-first-served gate in front of the work a request does. At most
 * `concurrency` requests run at once; up to `queue` more wait their turn, none longer than
 * `timeoutMs`; past that the request is turned away at once (503 with Retry-After) rather than
 * left to time out: under overload the server stays quick for the requests it accepts.
 */
export type Admission = {
	/** Resolves with a release function, or null when the request must be turned away. */
	enter(): Promise<(() => void) | null>;
	readonly running: number;
	readonly waiting: number;
};

export function createAdmission(opts: {
	concurrency: number;
	queue: number;
	timeoutMs: number;
}): Admission {
	let running = 0;
	const waiting: { admit: () => void; timer: ReturnType<typeof setTimeout> }[] = [];
	const release = () => {
		const next = waiting.shift();
		if (next) {
			clearTimeout(next.timer);
			next.admit();
		} else running--;
	};
	const once = () => {
		let done = false;
		return () => {
			if (done) return;
			done = true;
			release();
		};
	};
	return {
		get running() {
			return running;
		},
		get waiting() {
			return waiting.length;
		},
		enter() {
			if (running < opts.concurrency) {
				running++;
				return Promise.resolve(once());
			}
			if (waiting.length >= opts.queue) return Promise.resolve(null);
			return new Promise((resolve) => {
				const entry = {
					// The slot passes from the one leaving to the one waiting: `running` stays the same.
					admit: () => resolve(once()),
					timer: setTimeout(() => {
						waiting.splice(waiting.indexOf(entry), 1);
						resolve(null);
					}, opts.timeoutMs)
				};
				waiting.push(entry);
			});
		}
	};
}
