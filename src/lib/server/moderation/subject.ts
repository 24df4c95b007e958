import type { SubjectKind } from '#lib/moderation/forms.ts';

/**
 * A piece of content as the module that owns it describes it for moderators: what it says now
 * (text only, cut to EXCERPT characters), who wrote it, and where it can be seen when it is public.
 */
export type Subject = {
	kind: SubjectKind;
	id: string;
	authorId: string | null;
	excerpt: string;
	path: string | null;
	/** The community it was posted in, whose moderators see it in their part of the queue. */
	scope?: string | null;
};
