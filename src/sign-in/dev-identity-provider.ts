import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/configuration.js';
import { DEMO_TOKENS } from '../seeding/demo-tokens.js';
import { SIGN_IN_ROLES } from '../vocabulary/vocabulary.js';
import { type AccountClaims, type RunningOpenIdProvider, startOpenIdProvider } from './openid-provider.js';
import type { RoleMapping } from './sign-in.entities.js';

/** The demo organisations (those of the demo tokens), each with its own client at the development provider. */
export const DEV_IDP_ORGANISATIONS = [
  ...new Set(DEMO_TOKENS.flatMap((t) => ('organisationCode' in t ? [t.organisationCode] : []))),
];

/** The development provider's issuer (what the demo seed registers for each demo organisation). */
export const devIssuer = (config: AppConfig): string => `http://127.0.0.1:${config.signIn.devIdentityProviderPort}`;

/** The client of a demo organisation at the development provider (its secret is public: development only). */
export const devClient = (code: string) => ({ clientId: `kemkollen-${code}`, clientSecret: `dev-secret-${code}` });

/**
 * The claim mapping of a demo organisation: its people carry `groups` such as `region-skane:ADMIN`,
 * so a person of one organisation gets no role through another's client (the "no access" page).
 */
export const devRoleMappings = (code: string): RoleMapping[] =>
  SIGN_IN_ROLES.map((role) => ({ claimValue: `${code}:${role}`, role }));

/**
 * The demo people: one per demo organisation and role, logging in as `<code>.<role>` (any
 * password), e.g. `region-skane.contact_person`, and one without access, `<code>.none`.
 */
export function devAccounts(): Map<string, AccountClaims> {
  const accounts = new Map<string, AccountClaims>();
  for (const code of DEV_IDP_ORGANISATIONS) {
    for (const role of [...SIGN_IN_ROLES, 'NONE'] as const) {
      const login = `${code}.${role.toLowerCase()}`;
      accounts.set(login, {
        sub: login,
        name: `Demo ${role === 'NONE' ? 'utan behörighet' : role.toLowerCase().replace('_', ' ')} (${code})`,
        email: `${login.replace('_', '-')}@example.org`,
        email_verified: true,
        groups: role === 'NONE' ? [`${code}:OTHER_SYSTEM`] : [`${code}:${role}`],
      });
    }
  }
  return accounts;
}

/**
 * `npm start` in development: the local OpenID Provider on 127.0.0.1:DEV_IDP_PORT (default 3001),
 * so the real sign-in flow works on a laptop without internet. Never in production: the
 * configuration refuses DEV_IDP there, and this refuses again.
 */
export async function startDevIdentityProvider(config: AppConfig): Promise<RunningOpenIdProvider | null> {
  if (config.production || !config.signIn.devIdentityProvider) return null;
  const origins = [
    ...new Set([config.signIn.publicUrl, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`]),
  ].filter((o): o is string => Boolean(o));
  const logger = new Logger('DevIdentityProvider');
  let provider: RunningOpenIdProvider;
  try {
    provider = await startOpenIdProvider({
      port: config.signIn.devIdentityProviderPort,
      accounts: devAccounts(),
      clients: DEV_IDP_ORGANISATIONS.map((code) => ({
        ...devClient(code),
        redirectUris: origins.map((o) => `${o}/auth/callback`),
        postLogoutRedirectUris: origins.map((o) => `${o}/sign-in`),
      })),
    });
  } catch (error) {
    // A second instance on this machine (its provider already serves the port), or another program:
    // the service runs on without it; sign-in with a token works as ever.
    logger.warn(
      `development identity provider not started on 127.0.0.1:${config.signIn.devIdentityProviderPort}: ${(error as Error).message} (set DEV_IDP_PORT, or DEV_IDP=false)`,
    );
    return null;
  }
  logger.warn(
    `development identity provider at ${provider.issuer} (anyone can sign in, e.g. as region-skane.contact_person with any password; never in production)`,
  );
  return provider;
}
