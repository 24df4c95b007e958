import { canSee, type ProfileField, type Visibility } from '#lib/members/profile.ts';
import { searchKey } from '../search/normalise.ts';
import { crossScriptTokens } from '../search/cross-script.ts';

export type SearchableProfile = {
	name: string;
	headline: string | null;
	city: string | null;
	bio: string | null;
	residenceCountry: string | null;
	originCountries: string[];
	languages: { code: string }[];
	expertise: string[];
	expertiseLabels: string[];
	interests: string[];
	visibility: Record<string, Visibility>;
};

/**
 * The version of the rules below (and of cross-script.ts): a profile whose search columns were
 * derived by an older version is derived again at start (refreshOutdatedProfileSearch).
 */
export const SEARCH_DATA_VERSION = 1;

/**
 * What each audience may search and filter on. A field a visitor cannot see never enters the
 * public text or facets; a field hidden from members ('nobody') enters neither.
 */
export function searchData(p: SearchableProfile) {
	// the name in its own script and, for searchers writing another script, its skeletons
	const name = [searchKey(p.name), ...crossScriptTokens(searchKey(p.name))].join(' ');
	const texts = { public: [name], members: [name] };
	const facets = { public: [] as string[], members: [] as string[] };
	const add = (field: ProfileField, text: string[], facetList: string[]) => {
		const setting = p.visibility[field] ?? 'nobody';
		for (const [audience, viewer] of [
			['public', 'visitor'],
			['members', 'member']
		] as const) {
			if (!canSee(viewer, setting)) continue;
			texts[audience].push(...text.map(searchKey).filter(Boolean));
			facets[audience].push(...facetList);
		}
	};
	add('headline', [p.headline ?? ''], []);
	add('city', [p.city ?? ''], []);
	add('bio', [p.bio ?? ''], []);
	add('residence', [], p.residenceCountry ? [`res:${p.residenceCountry}`] : []);
	add(
		'origin',
		[],
		p.originCountries.map((c) => `origin:${c}`)
	);
	add(
		'languages',
		[],
		p.languages.map((l) => `lang:${l.code}`)
	);
	add(
		'expertise',
		p.expertiseLabels,
		p.expertise.map((u) => `esco:${u}`)
	);
	add(
		'interests',
		p.interests,
		p.interests.map((i) => `interest:${searchKey(i)}`)
	);
	return {
		nameKey: searchKey(p.name),
		publicText: texts.public.join(' '),
		membersText: texts.members.join(' '),
		facetsPublic: [...new Set(facets.public)],
		facetsMembers: [...new Set(facets.members)]
	};
}
