import Provider from 'oidc-provider';
import type { Server } from 'node:http';

/**
 * A real OpenID Connect provider on loopback (oidc-provider with its development login form:
 * any login name signs in as that subject, with an e-mail derived from it).
 */
export async function startOidcProvider(port: number, redirectUri: string) {
	const issuer = `http://localhost:${port}`;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: 'passerelle-test',
				client_secret: 'passerelle-test-secret',
				redirect_uris: [redirectUri],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		async findAccount(_ctx, sub) {
			return {
				accountId: sub,
				async claims() {
					return {
						sub,
						email: `${sub}@oidc.example.org`,
						email_verified: true,
						name: `OIDC ${sub}`
					};
				}
			};
		},
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		features: { devInteractions: { enabled: true } },
		cookies: { keys: ['passerelle-test-cookie-key'] }
	});
	const server: Server = await new Promise((resolve) => {
		const s = provider.listen(port, () => resolve(s));
	});
	return {
		issuer,
		clientId: 'passerelle-test',
		clientSecret: 'passerelle-test-secret',
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
