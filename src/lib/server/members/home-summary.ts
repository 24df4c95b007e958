import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { memberProfile } from './schema.ts';
import { organisation } from '../organisations/schema.ts';
import { publicOrganisation } from '../organisations/public.ts';

export type HomeSummary = {
	memberCount: number;
	organisations: { slug: string; name: string; description: string; contentLocale: string }[];
	members: { name: string; headline: string; contentLocale: string }[];
};

/** What the home page shows: only public profiles and approved organisations. */
export async function homeSummary(db: Db): Promise<HomeSummary> {
	const [{ n }] = await db.select({ n: count() }).from(user);
	const organisations = await db
		.select({
			slug: organisation.slug,
			name: organisation.name,
			description: organisation.description,
			contentLocale: organisation.contentLocale
		})
		.from(organisation)
		.where(publicOrganisation())
		.orderBy(organisation.name)
		.limit(6);
	const members = await db
		.select({
			name: user.name,
			headline: memberProfile.headline,
			visibility: memberProfile.visibility,
			contentLocale: memberProfile.contentLocale
		})
		.from(memberProfile)
		.innerJoin(user, eq(user.id, memberProfile.userId))
		.where(eq(memberProfile.listed, 'public'))
		.orderBy(user.name)
		.limit(8);
	return {
		memberCount: n,
		organisations,
		members: members.map((m) => ({
			name: m.name,
			contentLocale: m.contentLocale,
			headline: m.visibility.headline === 'public' ? (m.headline ?? '') : ''
		}))
	};
}
