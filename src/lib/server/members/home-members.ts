import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../accounts/schema.ts';
import { memberProfile } from './schema.ts';

export type HomeMembers = {
	memberCount: number;
	members: { id: string; name: string; headline: string; contentLocale: string; demo: boolean }[];
};

/** The members the home page shows: public profiles only, and a headline only where it is public. */
export async function homeMembers(db: Db): Promise<HomeMembers> {
	const [{ n }] = await db.select({ n: count() }).from(user);
	const members = await db
		.select({
			id: user.id,
			name: user.name,
			demo: user.demo,
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
		members: members.map((m) => ({
			id: m.id,
			name: m.name,
			contentLocale: m.contentLocale,
			demo: m.demo,
			headline: m.visibility.headline === 'public' ? (m.headline ?? '') : ''
		}))
	};
}
