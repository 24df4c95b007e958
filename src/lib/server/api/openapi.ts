import { z } from 'zod';
import { directoryQuery } from '#lib/members/directory.ts';
import { eventQuery } from '#lib/events/query.ts';
import { resourceQuery } from '#lib/library/forms.ts';
import { courseQuery } from '#lib/courses/forms.ts';
import { OPPORTUNITY_SCHEMA, opportunityPaths } from './openapi-opportunities.ts';

/** The OpenAPI document, built from the same zod schemas the pages and endpoints use. */
export function openApiDocument(origin: string) {
	const query = z.toJSONSchema(directoryQuery.omit({ type: true }), { io: 'input' }) as {
		properties: Record<string, object>;
	};
	const parameters = Object.entries(query.properties).map(([name, schema]) => ({
		name,
		in: 'query',
		required: false,
		schema
	}));
	const lang = {
		name: 'lang',
		in: 'query',
		required: false,
		schema: { type: 'string', enum: ['en', 'fr', 'es', 'ar'] }
	};
	const page = (item: string) => ({
		type: 'object',
		properties: {
			items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
			page: { type: 'integer' },
			per_page: { type: 'integer' },
			total: { type: 'integer' },
			total_is_lower_bound: {
				type: 'boolean',
				description: 'Present and true when there are more matches than counted: total is a floor'
			},
			total_pages: { type: 'integer' }
		}
	});
	const ok = (schema: object) => ({
		description: 'OK',
		content: { 'application/json': { schema } }
	});
	const queryParameters = (schema: z.ZodType) =>
		Object.entries(
			(z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, object> }).properties
		).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
	const errors = {
		400: { description: 'Invalid query' },
		404: { description: 'Not found (or not visible to you)' }
	};
	return {
		openapi: '3.1.0',
		info: {
			title: 'Passerelle API',
			version: '1',
			description:
				'Read access to the member and organisation directory, to public events, to the library, to the courses and to open opportunities. Visibility rules are the same as on the pages: without a session you see only what members made public.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		paths: {
			'/members': {
				get: {
					summary: 'Search members',
					parameters: [...parameters, lang],
					responses: { 200: ok(page('Member')), ...errors }
				}
			},
			'/members/{id}': {
				get: {
					summary: 'A member profile',
					parameters: [
						{ name: 'id', in: 'path', required: true, schema: { type: 'string' } },
						lang
					],
					responses: { 200: ok({ $ref: '#/components/schemas/Member' }), ...errors }
				}
			},
			'/organisations': {
				get: {
					summary: 'Search organisations',
					parameters,
					responses: { 200: ok(page('Organisation')), ...errors }
				}
			},
			'/organisations/{id}': {
				get: {
					summary: 'An organisation (by id or slug)',
					parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
					responses: { 200: ok({ $ref: '#/components/schemas/Organisation' }), ...errors }
				}
			},
			'/events': {
				get: {
					summary: 'Public upcoming events, soonest first',
					parameters: Object.entries(
						(
							z.toJSONSchema(eventQuery, { io: 'input' }) as {
								properties: Record<string, object>;
							}
						).properties
					).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
					responses: {
						200: ok({
							type: 'object',
							properties: {
								items: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
								page: { type: 'integer' },
								per_page: { type: 'integer' },
								has_next: { type: 'boolean' }
							}
						}),
						400: errors[400]
					}
				}
			},
			'/resources': {
				get: {
					summary: 'Published library resources: best matches first with words, else newest',
					parameters: queryParameters(resourceQuery),
					responses: {
						200: ok({
							type: 'object',
							properties: {
								items: { type: 'array', items: { $ref: '#/components/schemas/Resource' } },
								page: { type: 'integer' },
								per_page: { type: 'integer' },
								has_next: { type: 'boolean' }
							}
						}),
						400: errors[400]
					}
				}
			},
			'/resources/{id}': {
				get: {
					summary: 'A published library resource, with its description and translations',
					parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
					responses: {
						200: ok({
							allOf: [
								{ $ref: '#/components/schemas/Resource' },
								{
									type: 'object',
									properties: {
										description_html: { type: 'string' },
										translations: {
											type: 'array',
											items: {
												type: 'object',
												properties: {
													id: { type: 'string' },
													language: { type: 'string' },
													title: { type: 'string' }
												}
											}
										}
									}
								}
							]
						}),
						404: errors[404]
					}
				}
			},
			...opportunityPaths({ ok, queryParameters, errors }),
			'/courses': {
				get: {
					summary: 'Published courses open to all, newest first',
					parameters: queryParameters(courseQuery),
					responses: {
						200: ok({
							type: 'object',
							properties: {
								items: { type: 'array', items: { $ref: '#/components/schemas/Course' } },
								page: { type: 'integer' },
								per_page: { type: 'integer' },
								has_next: { type: 'boolean' }
							}
						}),
						400: errors[400]
					}
				}
			},
			'/courses/{id}': {
				get: {
					summary: 'A published course by its slug, with its parts and lessons',
					parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
					responses: { 200: ok({ type: 'object' }), 404: errors[404] }
				}
			},
			'/esco': {
				get: {
					summary: 'ESCO occupations and skills autocomplete',
					parameters: [
						{
							name: 'q',
							in: 'query',
							required: true,
							schema: { type: 'string', minLength: 1, maxLength: 100 }
						},
						{
							name: 'kind',
							in: 'query',
							schema: { type: 'string', enum: ['occupation', 'skill'] }
						},
						lang
					],
					responses: { 200: { description: 'OK' }, 400: { description: 'Invalid query' } }
				}
			}
		},
		components: {
			schemas: {
				Course: {
					type: 'object',
					required: ['id', 'slug', 'title', 'language', 'url'],
					properties: {
						id: { type: 'string' },
						slug: { type: 'string' },
						title: { type: 'string' },
						summary: { type: 'string' },
						language: { type: 'string' },
						organisation: { type: ['string', 'null'] },
						lessons: { type: 'integer' },
						minutes: { type: 'integer' },
						published_at: { type: ['string', 'null'], format: 'date-time' },
						demo: { type: 'boolean' },
						url: { type: 'string', format: 'uri' }
					}
				},
				Resource: {
					type: 'object',
					required: ['id', 'kind', 'title', 'language', 'themes', 'url'],
					properties: {
						id: { type: 'string' },
						kind: { type: 'string', enum: ['document', 'link', 'video', 'audio', 'image'] },
						title: { type: 'string' },
						language: { type: 'string' },
						themes: { type: 'array', items: { type: 'string' } },
						country: {
							type: ['string', 'null'],
							description: 'ISO 3166-1 alpha-2; null: anywhere'
						},
						link: { type: ['string', 'null'], format: 'uri', description: 'For links' },
						file: {
							type: ['object', 'null'],
							properties: {
								type: { type: 'string' },
								bytes: { type: 'integer' },
								url: { type: 'string', format: 'uri' }
							}
						},
						downloads: { type: 'integer' },
						created_at: { type: 'string', format: 'date-time' },
						demo: { type: 'boolean' },
						url: { type: 'string', format: 'uri', description: 'The resource page' }
					}
				},
				Opportunity: OPPORTUNITY_SCHEMA,
				Event: {
					type: 'object',
					required: ['id', 'title', 'kind', 'format', 'starts_at', 'ends_at', 'time_zone'],
					properties: {
						id: { type: 'string' },
						title: { type: 'string' },
						kind: { type: 'string' },
						format: { type: 'string', enum: ['online', 'in_person', 'hybrid'] },
						starts_at: { type: 'string', format: 'date-time', description: 'UTC' },
						ends_at: { type: 'string', format: 'date-time', description: 'UTC' },
						time_zone: { type: 'string', description: 'IANA zone the event is held in' },
						city: { type: ['string', 'null'] },
						country: { type: ['string', 'null'], description: 'ISO 3166-1 alpha-2' },
						language: { type: 'string' },
						capacity: { type: ['integer', 'null'], description: 'null: no limit' },
						registered: { type: 'integer' },
						waiting: { type: 'integer' },
						demo: { type: 'boolean' },
						url: { type: 'string', format: 'uri' },
						ics: { type: 'string', format: 'uri', description: 'The event as an iCalendar file' }
					}
				},
				Member: {
					type: 'object',
					description: 'Fields the viewer may not see are absent.',
					required: ['id', 'name', 'contentLocale', 'demo'],
					properties: {
						id: { type: 'string' },
						name: { type: 'string' },
						contentLocale: { type: 'string' },
						demo: {
							type: 'boolean',
							description: 'An example person of the demo content, not a real one.'
						},
						headline: { type: ['string', 'null'] },
						origin: { type: 'array', items: { type: 'string', description: 'ISO 3166-1 alpha-2' } },
						residence: { type: ['string', 'null'] },
						city: { type: ['string', 'null'] },
						languages: {
							type: 'array',
							items: {
								type: 'object',
								properties: { code: { type: 'string' }, level: { type: 'string' } }
							}
						},
						expertise: {
							type: 'array',
							items: {
								type: 'object',
								properties: { uri: { type: 'string' }, label: { type: 'string' } }
							}
						},
						interests: { type: 'array', items: { type: 'string' } },
						bioHtml: { type: ['string', 'null'] },
						links: {
							type: 'array',
							items: {
								type: 'object',
								properties: { url: { type: 'string' }, label: { type: 'string' } }
							}
						},
						photo: { type: ['object', 'null'], properties: { version: { type: 'string' } } }
					}
				},
				Organisation: {
					type: 'object',
					properties: {
						id: { type: 'string' },
						slug: { type: 'string' },
						name: { type: 'string' },
						kind: { type: 'string' },
						countries: { type: 'array', items: { type: 'string' } },
						contentLocale: { type: 'string' },
						demo: {
							type: 'boolean',
							description: 'An example organisation of the demo content, not a real one.'
						}
					}
				}
			}
		}
	};
}
