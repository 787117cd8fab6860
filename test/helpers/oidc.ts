import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The cookies of one user agent, as a browser would keep them per site (enough for these tests: one host each). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone =
        attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) ||
        attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (gone || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** A request without following redirects; the jar keeps what the answer sets. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.header());
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.take(res);
    return res;
  }
}

export const locationOf = (res: Response, base: string | URL): URL => {
  const location = res.headers.get('location');
  if (!location) throw new Error(`no redirect: ${res.status} ${res.url}`);
  return new URL(location, base);
};

/**
 * Drives the provider's own pages as a person would: its authorization endpoint, its login form
 * (login name, any password), until it redirects back to kemkollen. Returns that callback URL.
 */
export async function loginAtProvider(op: CookieJar, authorizationUrl: URL, login: string): Promise<URL> {
  let url = authorizationUrl;
  for (let step = 0; step < 10; step++) {
    const interaction = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    const res = interaction
      ? await op.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login, password: 'any' }),
        })
      : await op.fetch(url);
    if (interaction && res.status === 200)
      throw new Error(`the provider's login page answered 200: ${await res.text()}`);
    const next = locationOf(res, url);
    if (next.origin !== authorizationUrl.origin) return next;
    url = next;
  }
  throw new Error('too many redirects at the provider');
}

/** What a forging provider does to the real provider's ID token before signing it with its own key. */
export type Forgery = 'honest' | 'other-issuer' | 'other-audience' | 'wrong-nonce' | 'expired';

/**
 * A provider that stands in front of the real one: its discovery names itself as issuer and its own
 * token endpoint and keys, the person logs in at the real provider, and the token endpoint passes
 * the code on and re-signs the ID token it gets back, changed as `mode` says. With `honest`, the
 * sign-in succeeds (the control case); every other mode gives an ID token that a client must refuse.
 */
export async function startForgingProvider(realIssuer: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const state = { mode: 'honest' as Forgery };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      const real = (await (await fetch(`${realIssuer}/.well-known/openid-configuration`)).json()) as Record<
        string,
        unknown
      >;
      const { end_session_endpoint: _ignored, ...rest } = real;
      return send(200, {
        ...rest,
        issuer,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        authorization_response_iss_parameter_supported: false,
      });
    }
    if (url.pathname === '/jwks')
      return send(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
    if (url.pathname === '/token' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const real = await fetch(`${realIssuer}/token`, {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body: Buffer.concat(chunks),
      });
      const body = (await real.json()) as Record<string, unknown>;
      if (!real.ok || typeof body.id_token !== 'string') return send(real.status, body);
      const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1]!, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      claims.iss = state.mode === 'other-issuer' ? realIssuer : issuer;
      if (state.mode === 'other-audience') claims.aud = 'another-client';
      if (state.mode === 'wrong-nonce') claims.nonce = 'not-the-nonce-that-was-sent';
      if (state.mode === 'expired') claims.exp = Math.floor(Date.now() / 1000) - 3600;
      return send(200, { ...body, id_token: signJwt(claims, privateKey, kid) });
    }
    send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    state,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function signJwt(
  claims: Record<string, unknown>,
  key: Parameters<ReturnType<typeof createSign>['sign']>[0],
  kid: string,
): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}
