import { canSee, type Viewer, type Visibility } from '#lib/members/profile.ts';
import type { ProfileView } from '#lib/members/view.ts';
import type { ProfileLanguage, ProfileLink, StoredImage } from './schema.ts';
import { renderMarkdown } from './markdown.ts';

export type ProfileRow = {
	id: string;
	name: string;
	listed: Visibility;
	visibility: Record<string, Visibility>;
	contentLocale: string;
	photo: StoredImage | null;
	headline: string | null;
	originCountries: string[];
	residenceCountry: string | null;
	city: string | null;
	languages: ProfileLanguage[];
	expertise: string[];
	interests: string[];
	bio: string | null;
	links: ProfileLink[];
	/** An example person of the demo content. */
	demo?: boolean;
};

/** Maps a stored profile to what this viewer may see; null when the profile itself is hidden. */
export function toProfileView(
	row: ProfileRow,
	viewer: Viewer,
	labels: Map<string, string> = new Map(),
	opts: { bio?: boolean } = { bio: true }
): ProfileView | null {
	if (!canSee(viewer, row.listed)) return null;
	const see = (field: string) => canSee(viewer, row.visibility[field] ?? 'nobody');
	const view: ProfileView = {
		id: row.id,
		name: row.name,
		contentLocale: row.contentLocale,
		demo: row.demo ?? false
	};
	if (viewer === 'owner') {
		view.listed = row.listed;
		view.visibility = row.visibility;
	}
	if (see('photo')) view.photo = row.photo ? { version: row.photo.version } : null;
	if (see('headline')) view.headline = row.headline;
	if (see('origin')) view.origin = row.originCountries;
	if (see('residence')) view.residence = row.residenceCountry;
	if (see('city')) view.city = row.city;
	if (see('languages')) view.languages = row.languages;
	if (see('expertise'))
		view.expertise = row.expertise.map((uri) => ({ uri, label: labels.get(uri) ?? uri }));
	if (see('interests')) view.interests = row.interests;
	if (see('bio') && opts.bio !== false) view.bioHtml = row.bio ? renderMarkdown(row.bio) : null;
	if (see('links')) view.links = row.links;
	return view;
}
