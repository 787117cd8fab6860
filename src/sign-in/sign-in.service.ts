import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { PrincipalEntity } from '../auth/principal.entity.js';
import { EventLogService } from '../events/event-log.service.js';
import { TransactionService } from '../database/transaction.service.js';
import { IdentityProvidersService } from './identity-providers.service.js';
import { roleFromClaims } from './role-mapping.js';
import { SecretKeyring } from './secret-keyring.js';
import { SessionsService } from './sessions.service.js';
import type { IdentityProviderEntity, RoleMapping } from './sign-in.entities.js';

/** The short-lived cookie that carries a sign-in under way from /auth/sign-in to /auth/callback. */
export const ATTEMPT_COOKIE = 'kk_signin';
/** How long a person may take at the provider's login page. */
export const ATTEMPT_SECONDS = 600;

/** What the attempt cookie holds, sealed (AES-256-GCM): the browser can neither read nor change it. */
interface Attempt {
  /** identity provider id */
  p: string;
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  /** expires (ms since epoch) */
  exp: number;
}

export type CallbackOutcome =
  { kind: 'signed-in'; cookie: string } | { kind: 'no-access' } | { kind: 'failed'; reason: string };

/**
 * Sign-in through an organisation's identity provider: the authorization code flow with PKCE
 * (S256), state and nonce, by openid-client (which checks the ID token's signature, issuer,
 * audience, expiry and nonce, and the response's state and `iss`). The first sign-in creates the
 * MEMBER just in time; the role is read from the claims at every sign-in; no mapped role: refused,
 * nothing stored but the audit entry.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly providers: IdentityProvidersService,
    private readonly sessions: SessionsService,
    private readonly keyring: SecretKeyring,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
  ) {}

  /** The provider's authorization URL and the sealed attempt cookie; null when the organisation has no provider. */
  async start(organisationCode: string, origin: string): Promise<{ url: string; attempt: string } | null> {
    const provider = await this.providers.ofOrganisationCode(organisationCode);
    if (!provider) return null;
    const config = await this.providers.clientConfig(provider);
    const attempt: Attempt = {
      p: provider.id,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      redirectUri: `${origin}/auth/callback`,
      exp: Date.now() + ATTEMPT_SECONDS * 1000,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: attempt.redirectUri,
      scope: provider.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { url: url.href, attempt: this.keyring.required().seal(JSON.stringify(attempt)) };
  }

  /** Completes the sign-in at the redirect back from the provider. Every refusal is in the audit log. */
  async callback(currentUrl: URL, sealedAttempt: string | undefined): Promise<CallbackOutcome> {
    const attempt = this.openAttempt(sealedAttempt);
    if (!attempt) return this.refuse(null, null, 'no sign-in under way in this browser (or it took too long)');
    const provider = await this.providers.byId(attempt.p);
    if (!provider) return this.refuse(null, null, 'the identity provider has been removed');
    let claims: Record<string, unknown>;
    let idToken: string | undefined;
    try {
      const config = await this.providers.clientConfig(provider);
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      idToken = tokens.id_token;
    } catch (error) {
      // The library's message names the check that failed (state, nonce, issuer, audience, the grant); never a token.
      const reason = describe(error);
      this.logger.warn(`sign-in to ${provider.issuer} refused: ${reason}`);
      return this.refuse(provider, null, reason);
    }
    const subject = claims[provider.subjectClaim];
    if (typeof subject !== 'string' || !subject)
      return this.refuse(provider, null, `the ID token has no ${provider.subjectClaim} claim`);
    const role = roleFromClaims(claims, provider.roleClaim, JSON.parse(provider.roleMappings) as RoleMapping[]);
    if (!role) {
      await this.refuse(provider, subject, `no value of the ${provider.roleClaim} claim gives a role`);
      return { kind: 'no-access' };
    }
    const name =
      stringClaim(claims.name) ??
      ([stringClaim(claims.given_name), stringClaim(claims.family_name)].filter(Boolean).join(' ') || subject);
    const email = stringClaim(claims.email);
    const sealedIdToken = idToken ? this.keyring.required().seal(idToken) : null;
    const cookie = await this.tx.run(async (uow) => {
      const m = uow.manager;
      let principal = await m.findOneBy(PrincipalEntity, { identityProviderId: provider.id, externalSubject: subject });
      if (!principal) {
        principal = m.create(PrincipalEntity, {
          organisationId: provider.organisationId,
          kind: 'MEMBER',
          name: name.slice(0, 200),
          email: email?.slice(0, 320) ?? null,
          identityProviderId: provider.id,
          externalSubject: subject,
        });
        await m.insert(PrincipalEntity, principal);
        await this.events.append(uow, null, {
          type: 'PRINCIPAL_CREATED',
          subjectType: 'Principal',
          subjectId: principal.id,
          payload: { kind: 'MEMBER', identityProviderId: provider.id, justInTime: true },
          actorOrganisationId: provider.organisationId,
        });
      } else if (principal.name !== name.slice(0, 200) || (email && principal.email !== email)) {
        await m.update(
          PrincipalEntity,
          { id: principal.id },
          { name: name.slice(0, 200), email: email ?? principal.email },
        );
      }
      const { cookie, session } = await this.sessions.open(uow, {
        principalId: principal.id,
        organisationId: provider.organisationId,
        identityProviderId: provider.id,
        role,
        idTokenEncrypted: sealedIdToken,
      });
      await this.events.append(
        uow,
        { principalId: principal.id, organisationId: provider.organisationId, role, tokenId: '', name: principal.name },
        {
          type: 'SIGNED_IN',
          subjectType: 'Session',
          subjectId: session.id,
          payload: {
            principalId: principal.id,
            identityProviderId: provider.id,
            issuer: provider.issuer,
            role,
            outcome: 'SIGNED_IN',
          },
        },
      );
      return cookie;
    });
    return { kind: 'signed-in', cookie };
  }

  /**
   * Ends the session of this cookie; where the provider offers RP-initiated logout
   * (end_session_endpoint), the URL that signs the person out there too, else null.
   */
  async signOut(cookie: string | undefined, returnTo: string): Promise<string | null> {
    const session = cookie ? await this.sessions.byCookie(cookie) : null;
    if (!session || session.endedAt) return null;
    await this.sessions.end(session.id, 'SIGNED_OUT', {
      principalId: session.principalId,
      organisationId: session.organisationId,
      role: session.role,
      tokenId: '',
      sessionId: session.id,
      name: '',
    });
    const provider = await this.providers.byId(session.identityProviderId);
    if (!provider) return null;
    try {
      const config = await this.providers.clientConfig(provider);
      if (!config.serverMetadata().end_session_endpoint) return null;
      const idToken = session.idTokenEncrypted ? this.keyring.required().open(session.idTokenEncrypted) : undefined;
      return oidc.buildEndSessionUrl(config, {
        ...(idToken ? { id_token_hint: idToken } : {}),
        post_logout_redirect_uri: returnTo,
      }).href;
    } catch (error) {
      this.logger.warn(`signed out here, but not at ${provider.issuer}: ${describe(error)}`);
      return null;
    }
  }

  private openAttempt(sealed: string | undefined): Attempt | null {
    if (!sealed) return null;
    try {
      const attempt = JSON.parse(this.keyring.required().open(sealed)) as Attempt;
      return attempt.exp > Date.now() ? attempt : null;
    } catch {
      return null;
    }
  }

  private async refuse(
    provider: IdentityProviderEntity | null,
    subject: string | null,
    reason: string,
  ): Promise<CallbackOutcome> {
    await this.tx.run((uow) =>
      this.events.append(uow, null, {
        type: 'SIGN_IN_REFUSED',
        subjectType: 'IdentityProvider',
        subjectId: provider?.id ?? 'unknown',
        // Who (the subject, an identifier, not a secret), where, and why; never a token or a claim's value.
        payload: {
          identityProviderId: provider?.id ?? null,
          issuer: provider?.issuer ?? null,
          subject,
          reason,
          outcome: 'REFUSED',
        },
        actorOrganisationId: provider?.organisationId ?? null,
      }),
    );
    return { kind: 'failed', reason };
  }
}

const stringClaim = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/**
 * What failed, for the log and the audit entry: the library's code and message, the check's own
 * message (e.g. `unexpected "state" response parameter value`) and the name of the claim that
 * failed (iss, aud, nonce, exp), never the values compared.
 */
function describe(error: unknown): string {
  type Failure = { message?: string; code?: string; error?: string; error_description?: string; cause?: unknown };
  const e = error as Failure;
  const what = e.error
    ? `${e.error}${e.error_description ? `: ${e.error_description}` : ''}`
    : (e.message ?? String(error));
  const parts = [e.code ? `${e.code}: ${what}` : what];
  for (
    let cause = e.cause as (Failure & { claim?: unknown }) | undefined, depth = 0;
    cause && depth < 3;
    cause = cause.cause as typeof cause, depth++
  ) {
    if (typeof cause !== 'object') break;
    if (cause.message && cause.message !== what) parts.push(cause.message);
    if (cause.error) parts.push(`${cause.error}${cause.error_description ? `: ${cause.error_description}` : ''}`);
    if (typeof cause.claim === 'string') parts.push(`claim ${cause.claim}`);
  }
  return parts.join('; ').slice(0, 300);
}
