/** Fixed loopback ports of the end-to-end stack (see start.ts). */
export const APP_PORT = 3100;
export const MAILBOX_PORT = 3199;
export const OIDC_PORT = 3198;
export const APP_ORIGIN = `http://localhost:${APP_PORT}`;
export const MAILBOX = `http://127.0.0.1:${MAILBOX_PORT}`;
export const ADMIN = {
	email: 'admin@e2e.example.org',
	name: 'Ada Admin',
	password: 'e2e admin passphrase'
};
/** The shared secret an SMS gateway signs inbound texts with (SMS_INBOUND_SECRET). */
export const SMS_SECRET = 'e2e-inbound-sms-secret';
