export const ORGANISATION_KINDS = [
	'diaspora_association',
	'ngo',
	'municipality',
	'ministry',
	'employer',
	'university',
	'international_organisation'
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
