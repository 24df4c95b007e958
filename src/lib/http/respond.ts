import type { z } from 'zod';
import { directoryQuery } from '#lib/members/directory.ts';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'private, no-store',
			...headers
		}
	});
}

export function problem(
	status: number,
	code: string,
	message: string,
	issues?: z.core.$ZodIssue[]
) {
	return json(
		{
			error: {
				code,
				message,
				issues: issues?.map((i) => ({ path: i.path.join('.'), message: i.message }))
			}
		},
		status
	);
}

/** The directory's query from a URL: the same schema as the page. */
export function parseDirectoryQuery(url: URL, type: 'members' | 'organisations') {
	const raw = Object.fromEntries(
		[...url.searchParams.entries()].filter(([k, v]) => v !== '' && k !== 'lang')
	);
	return directoryQuery.safeParse({ ...raw, type });
}

/** `totalIsLowerBound`: past a cap, `total` is a floor (the directory counts "1,000+"). */
export function pageEnvelope<T>(
	items: T[],
	total: number,
	page: number,
	perPage: number,
	totalIsLowerBound = false
) {
	return {
		items,
		page,
		per_page: perPage,
		total,
		...(totalIsLowerBound ? { total_is_lower_bound: true } : {}),
		total_pages: Math.max(1, Math.ceil(total / perPage))
	};
}
