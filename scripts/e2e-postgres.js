// The browser flows that write, run a second time against PostgreSQL when TEST_DATABASE_URL is set
// (CI sets it): the same built server, the same stack, `DATABASE_URL` instead of the embedded database.
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const url = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
	console.log('e2e on PostgreSQL: skipped (TEST_DATABASE_URL is not set)');
	process.exit(0);
}
const FLOWS = [
	'tests/e2e/sign-up-email.spec.ts',
	'tests/e2e/phone.spec.ts',
	'tests/e2e/sessions.spec.ts',
	'tests/e2e/organisations.spec.ts',
	'tests/e2e/referrals.spec.ts',
	'tests/e2e/profile-nojs.spec.ts',
	'tests/e2e/services-nojs.spec.ts',
	'tests/e2e/admin.spec.ts',
	'tests/e2e/live-two-instances.spec.ts'
];
console.log(`e2e on PostgreSQL: ${FLOWS.length} flows`);
const run = spawnSync('npx', ['playwright', 'test', ...FLOWS], {
	stdio: 'inherit',
	env: { ...process.env, E2E_DATABASE_URL: url }
});
process.exit(run.status ?? 1);
