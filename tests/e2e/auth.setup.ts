import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as setup } from '@playwright/test';
import { ADMIN, SESSIONS, signInWithEmail } from './support.ts';

// Each known user signs in once per run, through the real form; the tests reuse the session
// (support.ts: signedInPage, useSession, sessionCookie).
setup('the administrator signs in once', async ({ page }) => {
	await signInWithEmail(page, ADMIN.email, ADMIN.password);
	mkdirSync(path.dirname(SESSIONS.admin), { recursive: true });
	await page.context().storageState({ path: SESSIONS.admin });
});
