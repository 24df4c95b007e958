export type OrganisationSummary = {
	id: string;
	slug: string;
	name: string;
	kind: string;
	countries: string[];
	contentLocale: string;
	status: string;
	hasLogo: boolean;
	/** Example content of the demo. */
	demo: boolean;
};
