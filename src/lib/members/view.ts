/** What a page or the API may show of a profile: absent keys are fields the viewer may not see. */
export type ProfileView = {
	id: string;
	name: string;
	contentLocale: string;
	/** Example content of the demo (shown as such, removable by an administrator). */
	demo: boolean;
	/** Only for the profile's owner: who sees the profile, and each field. */
	listed?: 'public' | 'members' | 'nobody';
	visibility?: Record<string, 'public' | 'members' | 'nobody'>;
	photo?: { version: string } | null;
	headline?: string | null;
	origin?: string[];
	residence?: string | null;
	city?: string | null;
	languages?: { code: string; level: string }[];
	expertise?: { uri: string; label: string }[];
	interests?: string[];
	bioHtml?: string | null;
	links?: { url: string; label: string }[];
	/** Only for the profile's owner: moderators hid it from everyone else. */
	held?: boolean;
};
