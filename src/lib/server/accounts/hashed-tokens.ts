import { createHash } from 'node:crypto';
import type { DBAdapter, DBAdapterInstance, Where } from '@better-auth/core/db/adapter';

/**
 * Session tokens are stored as their SHA-256, so that reading the database (a backup, a replica,
 * an injection) does not let anyone sign in as someone else. The cookie keeps the token itself;
 * every query better-auth makes on `session.token` is rewritten here, in one place, and rows
 * found by a token carry that token back, so the library sees what it stored.
 * (docs/decisions/0011-secrets-at-rest.md)
 */
export function hashToken(token: string) {
	return 'h1$' + createHash('sha256').update(token).digest('base64url');
}

const MODEL = 'session';
const FIELD = 'token';

type Plain = Map<string, string>;

function hashWhere(where: Where[] | undefined, plain: Plain): Where[] | undefined {
	return where?.map((w) => {
		if (w.field !== FIELD) return w;
		if (typeof w.value === 'string') {
			const hashed = hashToken(w.value);
			plain.set(hashed, w.value);
			return { ...w, value: hashed };
		}
		if (Array.isArray(w.value)) {
			const values = (w.value as string[]).map((v) => {
				const hashed = hashToken(String(v));
				plain.set(hashed, String(v));
				return hashed;
			});
			return { ...w, value: values };
		}
		return w;
	});
}

function restore<T>(row: T, plain: Plain): T {
	if (!row || typeof row !== 'object') return row;
	const token = (row as Record<string, unknown>)[FIELD];
	if (typeof token !== 'string') return row;
	// A row found without its token (e.g. by user) keeps the hash: it cannot be turned back.
	return plain.has(token) ? { ...row, [FIELD]: plain.get(token) } : row;
}

function wrap<A extends Omit<DBAdapter, 'transaction'> & Partial<Pick<DBAdapter, 'transaction'>>>(
	adapter: A
): A {
	const wrapped = { ...adapter } as A;
	wrapped.create = (async (args: Parameters<DBAdapter['create']>[0]) => {
		if (args.model !== MODEL) return adapter.create(args);
		const data = args.data as Record<string, unknown>;
		if (typeof data[FIELD] !== 'string') return adapter.create(args);
		const plain: Plain = new Map();
		const hashed = hashToken(data[FIELD] as string);
		plain.set(hashed, data[FIELD] as string);
		const row = await adapter.create({ ...args, data: { ...data, [FIELD]: hashed } });
		return restore(row, plain);
	}) as A['create'];
	for (const method of ['findOne', 'update', 'consumeOne', 'incrementOne'] as const) {
		const original = adapter[method] as (args: {
			model: string;
			where: Where[];
		}) => Promise<unknown>;
		(wrapped as Record<string, unknown>)[method] = async (args: {
			model: string;
			where: Where[];
		}) => {
			if (args.model !== MODEL) return original(args);
			const plain: Plain = new Map();
			return restore(await original({ ...args, where: hashWhere(args.where, plain)! }), plain);
		};
	}
	wrapped.findMany = (async (args: Parameters<DBAdapter['findMany']>[0]) => {
		if (args.model !== MODEL) return adapter.findMany(args);
		const plain: Plain = new Map();
		const rows = await adapter.findMany({ ...args, where: hashWhere(args.where, plain) });
		return rows.map((r) => restore(r, plain));
	}) as A['findMany'];
	for (const method of ['count', 'updateMany', 'delete', 'deleteMany'] as const) {
		const original = adapter[method] as (args: {
			model: string;
			where?: Where[];
		}) => Promise<unknown>;
		(wrapped as Record<string, unknown>)[method] = (args: { model: string; where?: Where[] }) =>
			args.model === MODEL
				? original({ ...args, where: hashWhere(args.where, new Map()) })
				: original(args);
	}
	if (adapter.transaction) {
		const transaction = adapter.transaction;
		wrapped.transaction = ((callback: (trx: never) => Promise<unknown>) =>
			transaction((trx) => callback(wrap(trx as never) as never))) as A['transaction'];
	}
	return wrapped;
}

/** The same adapter, with session tokens hashed on the way in and restored on the way out. */
export function withHashedSessionTokens(instance: DBAdapterInstance): DBAdapterInstance {
	return (options) => wrap(instance(options)) as ReturnType<DBAdapterInstance>;
}
