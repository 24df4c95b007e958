import { DEFAULT_BRANDING } from '#lib/admin/branding.ts';

// The name signs e-mails and SMS; kept here so senders need not query the database.
let name = DEFAULT_BRANDING.name;

export function currentBrandName() {
	return name;
}

export function rememberBrandName(value: string) {
	name = value;
}
