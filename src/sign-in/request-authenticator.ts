import { Inject, Injectable } from '@nestjs/common';
import type { AuthState } from '../auth/principal.js';
import { TokenService } from '../auth/token.service.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { cookieOf, csrfRefusal, ownOrigin } from './request-origin.js';
import { SESSION_COOKIE, SessionsService } from './sessions.service.js';

type Headers = Record<string, string | string[] | undefined>;

/**
 * Who calls over HTTP (/graphql, POST /imports): a bearer token exactly as before; without one, the
 * session cookie of a person signed in through an identity provider, which must come from the web
 * app itself (CSRF check: request-origin.ts). No token and no cookie: anonymous.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
  ) {}

  async authenticate(headers: Headers, encrypted = false): Promise<AuthState> {
    const header = headers.authorization as string | undefined;
    const session = header ? undefined : cookieOf(headers, SESSION_COOKIE);
    if (!session) return this.tokens.authenticate(header);
    const refusal = csrfRefusal(headers, ownOrigin(headers, this.config.signIn.publicUrl, encrypted));
    if (refusal) return { principal: null, error: refusal };
    return this.sessions.authenticate(session);
  }
}
