import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validation against the HSDS 3.1 JSON schemas shipped in static-data/hsds-3.1/schema (a copy, so
 * the platform works offline). The schemas have no $id and refer to each other by file name
 * ("phone.json"), so each is registered under its file name. They carry keywords Ajv does not know
 * (`core`, `constraints`, `datapackage_metadata`…), hence `strict: false`.
 */
export function hsdsSchemaDir() {
	return path.resolve(
		process.env.HSDS_SCHEMA_DIR ??
			path.join(process.env.STATIC_DATA_DIR ?? 'static-data', 'hsds-3.1', 'schema')
	);
}

export type HsdsKind =
	'service' | 'organization' | 'location' | 'service_at_location' | 'taxonomy' | 'taxonomy_term';

/** One problem in a document: a JSON pointer inside it and what is wrong there. */
export type SchemaIssue = { path: string; message: string };

type Schema = Record<string, unknown> & {
	name?: string;
	path?: string;
	properties?: Record<string, { type?: string; format?: string }>;
};

let compiled: { ajv: Ajv2020; schemas: Map<string, Schema>; full: ValidateFunction } | undefined;

function load() {
	if (compiled) return compiled;
	const dir = hsdsSchemaDir();
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	addFormats(ajv);
	const schemas = new Map<string, Schema>();
	for (const file of readdirSync(dir).sort()) {
		if (!file.endsWith('.json') || file === 'openapi.json') continue;
		const schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Schema;
		schemas.set(file, schema);
		if (file !== 'service_with_definitions.json') ajv.addSchema(schema, file);
	}
	const full = schemas.get('service_with_definitions.json');
	if (!full) throw new Error(`${dir} holds no service_with_definitions.json`);
	compiled = { ajv, schemas, full: ajv.compile(full) };
	return compiled;
}

/** The entity schemas by file name (organization.json…), for tabular column types and file names. */
export function hsdsSchemas(): ReadonlyMap<string, Schema> {
	return load().schemas;
}

/** The HSDS OpenAPI document as shipped (callers copy before changing it). */
export function hsdsOpenApi(): Record<string, unknown> {
	return JSON.parse(readFileSync(path.join(hsdsSchemaDir(), 'openapi.json'), 'utf8'));
}

function validatorFor(kind: HsdsKind | string): ValidateFunction {
	const { ajv, full } = load();
	if (kind === 'service') return full;
	const validate = ajv.getSchema(`${kind}.json`);
	if (!validate) throw new Error(`No HSDS schema for ${kind}`);
	return validate;
}

function issuesOf(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
	return (errors ?? []).map((e) => {
		const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
		return { path: `${e.instancePath}${missing}`, message: e.message ?? e.keyword };
	});
}

/** Problems of one HSDS object of the given kind (or table name, such as `phone`); none = valid. */
export function validateHsds(kind: HsdsKind | string, value: unknown): SchemaIssue[] {
	const validate = validatorFor(kind);
	return validate(value) ? [] : issuesOf(validate.errors);
}

export const validateService = (value: unknown) => validateHsds('service', value);
export const validateOrganization = (value: unknown) => validateHsds('organization', value);
export const validateLocation = (value: unknown) => validateHsds('location', value);
export const validateServiceAtLocation = (value: unknown) =>
	validateHsds('service_at_location', value);
export const validateTaxonomy = (value: unknown) => validateHsds('taxonomy', value);
export const validateTaxonomyTerm = (value: unknown) => validateHsds('taxonomy_term', value);
