import type { OrganisationKind } from '#lib/members/organisation-kinds.ts';
import organisations from './data/demo-organisations.json' with { type: 'json' };
import members from './data/demo-members.json' with { type: 'json' };

/**
 * Demo content shown on a fresh embedded install: fictional people and organisations, each
 * written in their own language (data/demo-organisations.json, data/demo-members.json).
 */

export type DemoLocale = 'en' | 'fr' | 'es' | 'ar';

export type DemoOrganisation = {
	slug: string;
	name: string;
	kind: OrganisationKind;
	countryCode: string;
	contentLocale: DemoLocale;
	description: string;
};

export type DemoMember = {
	name: string;
	/** Country codes: where they live, where they come from. */
	residence: string;
	origin: string[];
	city: string;
	languages: string[];
	interests: string[];
	/** ESCO occupation URIs of the shipped sample. */
	expertise: string[];
	contentLocale: DemoLocale;
	headline: string;
	bio: string;
};

export const DEMO_ORGANISATIONS = organisations as readonly DemoOrganisation[];
export const DEMO_MEMBERS = members as readonly DemoMember[];
