import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What loadExistingGrant uses of oidc-provider's request context (the package ships no types). */
interface GrantContext {
  oidc: {
    result?: { consent?: { grantId?: string } };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    client: { clientId: string };
    provider: {
      Grant: {
        new (init: { clientId: string; accountId: string }): {
          addOIDCScope(scope: string): void;
          addOIDCClaims(claims: string[]): void;
          save(): Promise<string>;
        };
        find(id: string): Promise<unknown>;
      };
    };
  };
}

/** A person at the provider: the claims its ID token carries (`sub` is the login name). */
export type AccountClaims = Record<string, unknown> & { sub: string };

export interface OpenIdProviderOptions {
  /** 127.0.0.1 only; 0: any free port. */
  port: number;
  /** The issuer's host name as clients see it (default 127.0.0.1). */
  host?: string;
  clients: Array<{ clientId: string; clientSecret: string; redirectUris: string[]; postLogoutRedirectUris: string[] }>;
  /** By login name; read at every sign-in, so a caller may change them between sign-ins. */
  accounts: Map<string, AccountClaims>;
}

export interface RunningOpenIdProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A local OpenID Provider built on `oidc-provider` (a certified implementation), for development
 * (`npm start`, see dev-identity-provider.ts) and for the tests: its own login page (any password;
 * the login name picks the account), no consent page (the grant is given at once, as a first-party
 * application's would be), PKCE required, RP-initiated logout, the claims in the ID token (as
 * Entra ID puts `groups` there). Never for production: anyone can sign in as anyone.
 */
export async function startOpenIdProvider(options: OpenIdProviderOptions): Promise<RunningOpenIdProvider> {
  const { default: Provider } = await import('oidc-provider');
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      groups: ['groups'],
    },
    scopes: ['openid', 'email', 'profile', 'groups'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ['kemkollen development identity provider only'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx: unknown, id: string) => {
      if (!options.accounts.has(id)) return undefined;
      return { accountId: id, claims: () => ({ ...options.accounts.get(id)!, sub: id }) };
    },
    // No consent page: every requested scope and claim is granted at once (a first-party client).
    loadExistingGrant: async (ctx: GrantContext) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile groups');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'given_name', 'family_name', 'groups']);
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
