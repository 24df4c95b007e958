import type { z } from 'zod';
import { OPPORTUNITY_TYPES, opportunityQuery } from '#lib/opportunities/forms.ts';

/** The opportunities part of the OpenAPI document (openapi.ts): a published post's shape. */
export const OPPORTUNITY_SCHEMA = {
	type: 'object',
	required: ['id', 'type', 'title', 'language', 'skills', 'deadline', 'url'],
	properties: {
		id: { type: 'string' },
		type: { type: 'string', enum: [...OPPORTUNITY_TYPES] },
		title: { type: 'string' },
		language: { type: 'string' },
		workplace: { type: 'string', enum: ['on_site', 'remote', 'hybrid'] },
		countries: {
			type: 'array',
			items: { type: 'string' },
			description: 'ISO 3166-1 alpha-2 where it is; empty: anywhere'
		},
		origins: {
			type: 'array',
			items: { type: 'string' },
			description: 'For people from these countries (a diaspora)'
		},
		skills: {
			type: 'object',
			properties: {
				essential: { type: 'array', items: { type: 'string', format: 'uri' } },
				optional: { type: 'array', items: { type: 'string', format: 'uri' } }
			},
			description: 'ESCO skill URIs'
		},
		languages: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					code: { type: 'string', description: 'ISO 639-1' },
					level: { type: 'string', enum: ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] }
				}
			}
		},
		deadline: {
			type: 'string',
			format: 'date-time',
			description: 'Last moment to apply (UTC)'
		},
		pay: { type: ['string', 'null'] },
		created_at: { type: 'string', format: 'date-time' },
		demo: { type: 'boolean' },
		url: { type: 'string', format: 'uri', description: 'The opportunity page' }
	}
};

type Helpers = {
	ok: (schema: object) => object;
	queryParameters: (schema: z.ZodType) => object[];
	errors: Record<400 | 404, object>;
};

/** `/opportunities` and `/opportunities/{id}`, with the document's own helpers. */
export function opportunityPaths({ ok, queryParameters, errors }: Helpers) {
	return {
		'/opportunities': {
			get: {
				summary: 'Published opportunities still open: best matches first with words, else newest',
				parameters: queryParameters(opportunityQuery),
				responses: {
					200: ok({
						type: 'object',
						properties: {
							items: { type: 'array', items: { $ref: '#/components/schemas/Opportunity' } },
							page: { type: 'integer' },
							per_page: { type: 'integer' },
							has_next: { type: 'boolean' }
						}
					}),
					400: errors[400]
				}
			}
		},
		'/opportunities/{id}': {
			get: {
				summary: 'A published opportunity, open or closed, with its description',
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
				responses: {
					200: ok({
						allOf: [
							{ $ref: '#/components/schemas/Opportunity' },
							{
								type: 'object',
								properties: {
									status: { type: 'string', enum: ['open', 'closed'] },
									description: { type: 'string', description: 'Markdown' },
									description_html: { type: 'string' },
									posted_by: { type: ['string', 'null'] },
									organisation: { type: ['string', 'null'], description: 'Its slug' }
								}
							}
						]
					}),
					404: errors[404]
				}
			}
		}
	};
}
