import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('start-up with a bad configuration', () => {
	it.each([
		['PORT', 'seventy'],
		['DATABASE_URL', 'mysql://db/passerelle'],
		['OIDC_PROVIDERS', '[{"id":"google"}]'],
		['SMTP_URL', 'mail.example.org'],
		['TRUST_PROXY', 'everyone'],
		['METRICS_TOKEN', 'short']
	])('stops before listening with one line naming %s', (name, value) => {
		const result = spawnSync(process.execPath, ['scripts/serve.js'], {
			cwd: root,
			env: { PATH: process.env.PATH, [name]: value },
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(result.status).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name} `));
	});
});
