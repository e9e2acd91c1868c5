import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the provider says of one of its people (userinfo claims). */
export interface ProviderPerson {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  /** `http://127.0.0.1:<port>`, listening before the provider is configured. */
  issuer: string;
  /** People who can log in, by subject (the login typed into the provider's form). */
  people: Map<string, ProviderPerson>;
  /** Configures a real OpenID provider (oidc-provider) with one confidential client and serves it. */
  start(client: { clientId: string; clientSecret: string; redirectUris: string[] }): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider on a random local port: oidc-provider with its development
 * login and consent pages (any login is accepted as that subject, if it is in `people`), PKCE
 * required. It listens first so its issuer URL is known before the app under test is built;
 * `start` then registers the app's redirect URIs.
 */
export async function openTestProvider(): Promise<TestProvider> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(503).end('not started');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const people = new Map<string, ProviderPerson>();
  return {
    issuer,
    people,
    start({ clientId, clientSecret, redirectUris }) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: redirectUris,
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        findAccount: (_ctx, id) => {
          const person = people.get(id);
          return person ? { accountId: id, claims: () => ({ sub: id, ...person }) } : undefined;
        },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        features: { devInteractions: { enabled: true } },
        pkce: { required: () => true },
        cookies: { keys: ['test-provider-cookie-key'] },
        ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
      });
      server.removeAllListeners('request');
      server.on('request', provider.callback());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
