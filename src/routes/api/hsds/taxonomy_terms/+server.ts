import type { RequestHandler } from './$types';
import { listTaxonomyTerms } from '#lib/server/services/hsds/api-queries.ts';
import { hsdsList } from '#lib/http/hsds-respond.ts';

export const GET: RequestHandler = ({ url }) => hsdsList(url, listTaxonomyTerms);
