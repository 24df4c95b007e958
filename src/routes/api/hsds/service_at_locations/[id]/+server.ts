import type { RequestHandler } from './$types';
import { getServiceAtLocation } from '#lib/server/services/hsds/api-queries.ts';
import { hsdsItem } from '#lib/http/hsds-respond.ts';

export const GET: RequestHandler = ({ params }) =>
	hsdsItem(params.id, getServiceAtLocation, 'service_at_location');
