// A signed-in HTTP client for the crash test: a cookie jar, page reads and SvelteKit form actions
// posted as the browser's enhanced forms do (Origin set, the action's answer as JSON).

export type ActionAnswer =
	| { type: 'success'; status: number; data?: string }
	| { type: 'redirect'; status: number; location: string }
	| { type: 'failure'; status: number; data?: string }
	| { type: 'error'; status: number; error?: unknown };

export class Client {
	readonly cookies = new Map<string, string>();
	readonly origin: string;
	constructor(origin: string) {
		this.origin = origin;
	}

	private keep(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const at = pair.indexOf('=');
			const name = pair.slice(0, at).trim();
			const value = pair.slice(at + 1).trim();
			const gone = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)) || value === '';
			if (gone) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	private cookieHeader() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	/** GET; redirects are not followed (their cookies are kept). */
	async get(path: string) {
		const response = await fetch(new URL(path, this.origin), {
			redirect: 'manual',
			headers: { cookie: this.cookieHeader(), accept: 'text/html' },
			signal: AbortSignal.timeout(20_000)
		});
		this.keep(response);
		return { status: response.status, text: await response.text(), response };
	}

	/** Posts a form to an action and returns SvelteKit's answer. Throws when no answer came. */
	async action(path: string, fields: Record<string, string | string[]>): Promise<ActionAnswer> {
		const body = new URLSearchParams();
		for (const [name, value] of Object.entries(fields))
			for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
		const response = await fetch(new URL(path, this.origin), {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: this.origin,
				cookie: this.cookieHeader(),
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body,
			signal: AbortSignal.timeout(20_000)
		});
		this.keep(response);
		const text = await response.text();
		try {
			return JSON.parse(text) as ActionAnswer;
		} catch {
			throw new Error(`POST ${path}: ${response.status} ${text.slice(0, 200)}`);
		}
	}
}
