/**
 * HSDS 3.1 documents as stored and served. Only the fields Passerelle reads are typed; every other
 * HSDS field is kept as it came (the JSON schemas in ../shared/standards/hsds-3.1 are the reference).
 */
type Extra = { [key: string]: unknown };

export type HsdsSchedule = Extra & {
	id: string;
	service_id?: string | null;
	location_id?: string | null;
	service_at_location_id?: string | null;
	freq?: string | null;
	byday?: string | null;
	opens_at?: string | null;
	closes_at?: string | null;
	valid_from?: string | null;
	valid_to?: string | null;
	timezone?: number | null;
	description?: string | null;
	notes?: string | null;
	/** Passerelle's mark of a closure (dates with no opening at all), beside `notes: 'closed'`. */
	closed?: boolean;
};

export type HsdsLanguage = Extra & { id: string; name?: string | null; code?: string | null };
export type HsdsPhone = Extra & { id: string; number: string; type?: string | null };
export type HsdsAttribute = Extra & {
	id: string;
	taxonomy_term_id?: string | null;
	link_entity?: string | null;
	link_id?: string | null;
	link_type?: string | null;
	value?: string | null;
	taxonomy_term?: unknown;
};
export type HsdsCostOption = Extra & {
	id: string;
	option?: string | null;
	amount?: number | null;
	currency?: string | null;
	amount_description?: string | null;
};
export type HsdsRequiredDocument = Extra & { id: string; document?: string | null };
export type HsdsContact = Extra & { id: string; name?: string | null; email?: string | null };

export type HsdsAddress = Extra & {
	id: string;
	address_1: string;
	address_2?: string | null;
	city: string;
	region?: string | null;
	state_province: string;
	postal_code: string;
	country: string;
	address_type: string;
};

export type HsdsAccessibility = Extra & {
	id: string;
	description?: string | null;
	details?: string | null;
};

export type HsdsLocation = Extra & {
	id: string;
	location_type: string;
	organization_id?: string | null;
	name?: string | null;
	description?: string | null;
	transportation?: string | null;
	latitude?: number | null;
	longitude?: number | null;
	addresses?: HsdsAddress[];
	accessibility?: HsdsAccessibility[];
	languages?: HsdsLanguage[];
	phones?: HsdsPhone[];
	schedules?: HsdsSchedule[];
};

export type HsdsServiceAtLocation = Extra & {
	id: string;
	service_id?: string | null;
	location_id?: string | null;
	description?: string | null;
	schedules?: HsdsSchedule[];
	phones?: HsdsPhone[];
	contacts?: HsdsContact[];
};

export type HsdsService = Extra & {
	id: string;
	name: string;
	status: string;
	organization_id?: string | null;
	alternate_name?: string | null;
	description?: string | null;
	url?: string | null;
	email?: string | null;
	interpretation_services?: string | null;
	application_process?: string | null;
	fees_description?: string | null;
	eligibility_description?: string | null;
	minimum_age?: number | null;
	maximum_age?: number | null;
	assured_date?: string | null;
	last_modified?: string | null;
	alert?: string | null;
	phones?: HsdsPhone[];
	schedules?: HsdsSchedule[];
	languages?: HsdsLanguage[];
	cost_options?: HsdsCostOption[];
	required_documents?: HsdsRequiredDocument[];
	contacts?: HsdsContact[];
	attributes?: HsdsAttribute[];
};
