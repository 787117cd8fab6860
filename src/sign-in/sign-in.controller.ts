import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { IdentityProvidersService } from './identity-providers.service.js';
import { cookieOf, csrfRefusal, ownOrigin } from './request-origin.js';
import { SESSION_COOKIE } from './sessions.service.js';
import { ATTEMPT_COOKIE, ATTEMPT_SECONDS, SignInService } from './sign-in.service.js';

/**
 * The browser's side of sign-in (HTTP, not GraphQL: these are navigations and redirects).
 *
 * - `GET /auth/organisations`: the organisations one can sign in to (the sign-in page's list).
 * - `GET /auth/sign-in?organisation=<code>`: to the organisation's identity provider.
 * - `GET /auth/callback`: back from it; sets the session cookie and goes to the web app, or to
 *   `/no-access` (no mapped role) or `/sign-in?error=failed`.
 * - `POST /auth/sign-out`: ends the session (CSRF-checked like /graphql); answers where to go next
 *   (the provider's logout page where it has one, else the sign-in page).
 */
@Controller('auth')
export class SignInController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signIn: SignInService,
    private readonly providers: IdentityProvidersService,
  ) {}

  @Get('organisations')
  async organisations() {
    return { organisations: await this.providers.signInOrganisations() };
  }

  @Get('sign-in')
  async start(
    @Query('organisation') organisation: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const code = typeof organisation === 'string' ? organisation.trim() : '';
    if (!code) return reply.redirect('/sign-in', 303);
    let started: Awaited<ReturnType<SignInService['start']>>;
    try {
      started = await this.signIn.start(code, this.origin(req));
    } catch {
      return reply.redirect(`/sign-in?organisation=${encodeURIComponent(code)}&error=unavailable`, 303);
    }
    if (!started) return reply.redirect(`/sign-in?organisation=${encodeURIComponent(code)}&error=unknown`, 303);
    reply.setCookie(ATTEMPT_COOKIE, started.attempt, {
      ...this.cookieOptions(),
      path: '/auth',
      maxAge: ATTEMPT_SECONDS,
    });
    return reply.redirect(started.url, 303);
  }

  @Get('callback')
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const outcome = await this.signIn.callback(new URL(req.url, this.origin(req)), req.cookies[ATTEMPT_COOKIE]);
    // The attempt is spent whatever happened: a second callback with it (a replayed code) finds none.
    reply.clearCookie(ATTEMPT_COOKIE, { ...this.cookieOptions(), path: '/auth' });
    if (outcome.kind === 'no-access') return reply.redirect('/no-access', 303);
    if (outcome.kind === 'failed') return reply.redirect('/sign-in?error=failed', 303);
    reply.setCookie(SESSION_COOKIE, outcome.cookie, {
      ...this.cookieOptions(),
      path: '/',
      maxAge: this.config.signIn.sessionAbsoluteSeconds,
    });
    return reply.redirect('/', 303);
  }

  @Post('sign-out')
  async signOut(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const origin = this.origin(req);
    const refusal = csrfRefusal(req.headers, origin);
    if (refusal) return reply.code(403).send({ error: refusal });
    const next = await this.signIn.signOut(cookieOf(req.headers, SESSION_COOKIE), `${origin}/sign-in`);
    reply.clearCookie(SESSION_COOKIE, { ...this.cookieOptions(), path: '/' });
    return reply.code(200).send({ redirect: next ?? '/sign-in' });
  }

  private origin(req: FastifyRequest): string {
    return ownOrigin(req.headers, this.config.signIn.publicUrl, req.protocol === 'https');
  }

  /** HttpOnly, SameSite=Lax, Secure outside development (a browser keeps a Secure cookie only over https). */
  private cookieOptions() {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.config.production };
  }
}
