import { defineConfig } from '@playwright/test';
import { APP_ORIGIN } from './tests/e2e/stack/ports.ts';
import { CHROMIUM_LAUNCH } from './tests/support/chromium.ts';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: APP_ORIGIN,
		launchOptions: CHROMIUM_LAUNCH,
		locale: 'en-GB',
		trace: 'retain-on-failure'
	},
	projects: [
		// Known users sign in once through the form; the other projects reuse their sessions.
		{ name: 'setup', testMatch: /auth\.setup\.ts/ },
		{
			name: 'chromium',
			testIgnore: /(profile|services|skills)-nojs\.spec\.ts/,
			dependencies: ['setup']
		},
		{
			name: 'no-javascript',
			testMatch:
				/(sign-up-email|profile-nojs|services-nojs|skills-nojs|places|saved-services|notifications|demo-content|bulk-approval)\.spec\.ts/,
			use: { javaScriptEnabled: false },
			dependencies: ['setup']
		}
	],
	webServer: {
		command: 'node tests/e2e/stack/start.ts',
		url: `${APP_ORIGIN}/readyz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
