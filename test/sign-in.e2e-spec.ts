import WebSocket from 'ws';
import { type AccountClaims, type RunningOpenIdProvider, startOpenIdProvider } from '../src/sign-in/openid-provider.js';
import { CookieJar, type Forgery, locationOf, loginAtProvider, startForgingProvider } from './helpers/oidc.js';
import { startTestApp, type TestApp, TOKENS } from './helpers/test-app.js';
import { WsClient } from './helpers/ws-client.js';

/**
 * Sign-in through an organisation's identity provider (issue 15), against a real OpenID Provider
 * (oidc-provider) started here on loopback: the person logs in on its own login form, and every
 * check of the flow (state, PKCE, nonce, issuer, audience, the code used once) is exercised through
 * kemkollen's own HTTP routes. Sessions: cookie, CSRF, idle and absolute expiry, sign-out, ADMIN.
 */
describe('sign-in through the organisation identity provider (OpenID Connect)', () => {
  let sut: TestApp;
  let op: RunningOpenIdProvider;
  let forger: Awaited<ReturnType<typeof startForgingProvider>>;
  let base: string;
  const accounts = new Map<string, AccountClaims>([
    ['anna', { sub: 'anna', name: 'Anna Admin', email: 'anna@adda.example', groups: ['kk-admins', 'everyone'] }],
    ['rolf', { sub: 'rolf', name: 'Rolf Reader', email: 'rolf@adda.example', groups: ['kk-readers'] }],
    ['nils', { sub: 'nils', name: 'Nils Nobody', email: 'nils@adda.example', groups: ['everyone'] }],
  ]);
  const mappings = [
    { claimValue: 'kk-admins', role: 'ADMIN' },
    { claimValue: 'kk-readers', role: 'READER' },
    { claimValue: 'kk-contacts', role: 'CONTACT_PERSON' },
  ];
  const ADD = `mutation ($i: AddIdentityProviderInput!) { addIdentityProvider(input: $i) { id issuer clientId scopes subjectClaim roleClaim roleMappings { claimValue role } } }`;
  const ME = '{ me { role tokenId sessionId principal { id name } organisation { code } } }';

  const count = async (table: string) =>
    Number((await sut.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const events = async (type: string) =>
    (await sut.dataSource.query(`SELECT payload FROM events WHERE type = '${type}' ORDER BY seq`)) as Array<{
      payload: string;
    }>;

  /** POST /graphql as the web app does: the session cookie, its origin, and the CSRF header. */
  const asBrowser = async (jar: CookieJar, query: string, variables?: object, headers: Record<string, string> = {}) => {
    const res = await jar.fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'x-kemkollen-csrf': '1', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  };

  /** From kemkollen's sign-in route to the provider's login form and back: the callback URL, not yet followed. */
  const toCallback = async (login: string, organisation = 'adda') => {
    const app = new CookieJar();
    const start = await app.fetch(`${base}/auth/sign-in?organisation=${organisation}`);
    expect(start.status).toBe(303);
    const callback = await loginAtProvider(new CookieJar(), locationOf(start, base), login);
    expect(callback.origin + callback.pathname).toBe(`${base}/auth/callback`);
    return { app, callback };
  };
  const signIn = async (login: string, organisation = 'adda') => {
    const { app, callback } = await toCallback(login, organisation);
    const done = await app.fetch(callback);
    return { app, to: locationOf(done, base).pathname + locationOf(done, base).search };
  };

  beforeAll(async () => {
    sut = await startTestApp();
    base = new URL(sut.url).origin;
    op = await startOpenIdProvider({
      port: 0,
      clients: [
        {
          clientId: 'kemkollen',
          clientSecret: 'op-secret-1',
          redirectUris: [`${base}/auth/callback`],
          postLogoutRedirectUris: [`${base}/sign-in`],
        },
        {
          clientId: 'kemkollen-forged',
          clientSecret: 'op-secret-2',
          redirectUris: [`${base}/auth/callback`],
          postLogoutRedirectUris: [],
        },
      ],
      accounts,
    });
    forger = await startForgingProvider(op.issuer);
    // The demo seed registers the development provider for the demo organisations: replaced here.
    const { IdentityProvidersService } = await import('../src/sign-in/identity-providers.service.js');
    const providers = sut.app.get(IdentityProvidersService);
    for (const p of await providers.list(null)) await providers.remove(p.id, null);
    const added = await sut.gql(
      ADD,
      {
        i: {
          issuer: op.issuer,
          clientId: 'kemkollen',
          clientSecret: 'op-secret-1',
          scopes: ['email', 'profile', 'groups'],
          roleClaim: 'groups',
          roleMappings: mappings,
        },
      },
      TOKENS.admin,
    );
    expect(added.errors).toBeUndefined();
    // The forging provider stands for Region Skåne; its coordinator adds it (its own organisation).
    const forged = await sut.gql(
      ADD,
      {
        i: {
          issuer: forger.issuer,
          clientId: 'kemkollen-forged',
          clientSecret: 'op-secret-2',
          scopes: ['email', 'profile', 'groups'],
          roleClaim: 'groups',
          roleMappings: mappings,
        },
      },
      await skaneAdminToken(),
    );
    expect(forged.errors).toBeUndefined();
  });

  /** An ADMIN token of Region Skåne, made by the operator's service (as the CLI does). */
  let skaneToken: string | null = null;
  async function skaneAdminToken(): Promise<string> {
    if (skaneToken) return skaneToken;
    const { TokenAdminService } = await import('../src/auth/token-admin.service.js');
    const created = await sut.app
      .get(TokenAdminService)
      .create({ organisationCode: 'region-skane', role: 'ADMIN', name: 'Skåne admin' }, null);
    return (skaneToken = created.token);
  }

  afterAll(async () => {
    await sut?.close();
    await op?.close();
    await forger?.close();
  });

  it('keeps the client secret to itself: identityProviders never returns it, and it is stored encrypted', async () => {
    const res = await sut.gql(
      '{ identityProviders { issuer clientId scopes roleClaim roleMappings { claimValue role } } }',
      {},
      TOKENS.admin,
    );
    expect(res.data.identityProviders).toEqual([
      {
        issuer: op.issuer,
        clientId: 'kemkollen',
        scopes: ['openid', 'email', 'profile', 'groups'],
        roleClaim: 'groups',
        roleMappings: mappings,
      },
    ]);
    const stored = await sut.dataSource.query('SELECT client_secret_encrypted AS s FROM identity_providers');
    expect(JSON.stringify(stored)).not.toContain('op-secret');
    const schema = await sut.gql('{ __type(name: "IdentityProvider") { fields { name } } }');
    expect(schema.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain('clientSecret');
    // node(id) under the same rule: an ADMIN of its organisation; null for anyone else, without an error.
    const id = (await sut.gql('{ identityProviders { id } }', {}, TOKENS.admin)).data.identityProviders[0].id;
    const NODE = 'query ($id: ID!) { node(id: $id) { __typename id ... on IdentityProvider { issuer } } }';
    expect((await sut.gql(NODE, { id }, TOKENS.admin)).data.node).toEqual({
      __typename: 'IdentityProvider',
      id,
      issuer: op.issuer,
    });
    for (const other of [await skaneAdminToken(), TOKENS.coordinator]) {
      const refused = await sut.gql(NODE, { id }, other);
      expect(refused.errors).toBeUndefined();
      expect(refused.data.node).toBeNull();
    }
  });

  it('signs in with the mapped role, creating the member just in time, once', async () => {
    const principals = await count('principals');
    const { app, to } = await signIn('anna');
    expect(to).toBe('/');
    expect(app.cookies.get('kk_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await asBrowser(app, ME);
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toMatchObject({
      role: 'ADMIN',
      tokenId: null,
      principal: { name: 'Anna Admin' },
      organisation: { code: 'adda' },
    });
    expect(me.data.me.sessionId).toEqual(expect.any(String));
    expect(await count('principals')).toBe(principals + 1);
    const again = await signIn('anna');
    expect((await asBrowser(again.app, ME)).data.me.principal.id).toBe(me.data.me.principal.id);
    expect(await count('principals')).toBe(principals + 1);
    const signedIn = await events('SIGNED_IN');
    expect(signedIn.at(-1)!.payload).toContain('"role":"ADMIN"');
    expect(signedIn.map((e) => e.payload).join()).not.toMatch(/eyJ|op-secret|kk-admins/);
  });

  it('refuses a person without a matching claim with the no-access page, and stores nothing', async () => {
    const [principals, sessions, refusals] = [
      await count('principals'),
      await count('sessions'),
      (await events('SIGN_IN_REFUSED')).length,
    ];
    const { app, to } = await signIn('nils');
    expect(to).toBe('/no-access');
    expect(app.cookies.has('kk_session')).toBe(false);
    expect(await count('principals')).toBe(principals);
    expect(await count('sessions')).toBe(sessions);
    const refused = await events('SIGN_IN_REFUSED');
    expect(refused).toHaveLength(refusals + 1);
    expect(refused.at(-1)!.payload).toContain('"subject":"nils"');
    expect(refused.at(-1)!.payload).not.toContain('everyone');
  });

  it('reads the role again at each sign-in: a changed claim changes the role', async () => {
    const first = await signIn('rolf');
    expect((await asBrowser(first.app, ME)).data.me.role).toBe('READER');
    accounts.set('rolf', { ...accounts.get('rolf')!, groups: ['kk-contacts'] });
    const second = await signIn('rolf');
    const me = await asBrowser(second.app, ME);
    expect(me.data.me.role).toBe('CONTACT_PERSON');
    expect(me.data.me.principal.id).toBe((await asBrowser(first.app, ME)).data.me.principal.id);
  });

  it('refuses a wrong state', async () => {
    const sessions = await count('sessions');
    const { app, callback } = await toCallback('anna');
    callback.searchParams.set('state', 'not-the-state-that-was-sent');
    expect(locationOf(await app.fetch(callback), base).href).toBe(`${base}/sign-in?error=failed`);
    expect(await count('sessions')).toBe(sessions);
    expect((await events('SIGN_IN_REFUSED')).at(-1)!.payload).toMatch(/state/);
  });

  it('refuses a replayed code, even with the sign-in attempt cookie kept', async () => {
    const { app, callback } = await toCallback('anna');
    const attempt = app.cookies.get('kk_signin')!;
    expect(locationOf(await app.fetch(callback), base).pathname).toBe('/');
    // An attacker who kept both the attempt cookie and the code: the provider has spent the code.
    const thief = new CookieJar();
    thief.cookies.set('kk_signin', attempt);
    expect(locationOf(await thief.fetch(callback), base).href).toBe(`${base}/sign-in?error=failed`);
    expect((await events('SIGN_IN_REFUSED')).at(-1)!.payload).toMatch(/invalid_grant/);
    // And the browser's own second try has no attempt any more.
    expect(locationOf(await app.fetch(callback), base).href).toBe(`${base}/sign-in?error=failed`);
  });

  it('refuses a callback without the PKCE verifier, and the provider will not exchange a code without it', async () => {
    const { callback } = await toCallback('anna');
    // Without the sealed attempt (which holds the verifier) kemkollen cannot and does not exchange the code.
    expect(locationOf(await new CookieJar().fetch(callback), base).href).toBe(`${base}/sign-in?error=failed`);
    const { callback: other } = await toCallback('anna');
    const token = await fetch(`${op.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: other.searchParams.get('code')!,
        redirect_uri: `${base}/auth/callback`,
        client_id: 'kemkollen',
        client_secret: 'op-secret-1',
      }),
    });
    expect(token.status).toBe(400);
    expect(((await token.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it.each<[Forgery, RegExp]>([
    ['other-issuer', /iss/],
    ['other-audience', /aud/],
    ['wrong-nonce', /nonce/],
    ['expired', /exp/],
  ])('refuses an ID token with %s (and accepts the honest one)', async (mode, reason) => {
    const sessions = await count('sessions');
    const through = async (forgery: Forgery) => {
      forger.state.mode = forgery;
      const { app, callback } = await toCallback('anna', 'region-skane');
      callback.searchParams.delete('iss'); // the forging issuer says it sends none (RFC 9207)
      return locationOf(await app.fetch(callback), base);
    };
    expect((await through(mode)).href).toBe(`${base}/sign-in?error=failed`);
    expect(await count('sessions')).toBe(sessions);
    expect((await events('SIGN_IN_REFUSED')).at(-1)!.payload).toMatch(reason);
    // The control: the same path with the ID token unchanged signs in (anna's groups give ADMIN at Skåne too).
    expect((await through('honest')).pathname).toBe('/');
  });

  it('refuses a tampered session cookie', async () => {
    const { app } = await signIn('anna');
    const value = app.cookies.get('kk_session')!;
    app.cookies.set('kk_session', value.slice(0, -2) + (value.endsWith('AA') ? 'BB' : 'AA'));
    const res = await asBrowser(app, ME);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/session is not valid/);
  });

  it('refuses a cookie-authenticated request from another origin, or without the CSRF header', async () => {
    const { app } = await signIn('anna');
    const evil = await asBrowser(app, ME, {}, { origin: 'http://evil.example' });
    expect(evil.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(evil.errors?.[0]?.message).toMatch(/evil\.example/);
    const noHeader = await app.fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await noHeader.json()) as any).errors[0].message).toMatch(/x-kemkollen-csrf/);
    const signOut = await app.fetch(`${base}/auth/sign-out`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'x-kemkollen-csrf': '1' },
    });
    expect(signOut.status).toBe(403);
    expect((await asBrowser(app, ME)).data.me.role).toBe('ADMIN');
    // A bearer token works as before, cookie or not.
    expect((await sut.gql(ME, {}, TOKENS.reader)).data.me.role).toBe('READER');
  });

  it('ends a session after the idle time and after the absolute time', async () => {
    const idle = await signIn('anna');
    const idleId = (await asBrowser(idle.app, ME)).data.me.sessionId;
    await sut.dataSource.query(
      `UPDATE sessions SET last_seen_at = '${new Date(Date.now() - 31 * 60_000).toISOString()}' WHERE id = '${idleId}'`,
    );
    expect((await asBrowser(idle.app, ME)).errors?.[0]?.message).toMatch(/time without use/);

    const old = await signIn('anna');
    const oldId = (await asBrowser(old.app, ME)).data.me.sessionId;
    // Used a moment ago, but signed in more than 10 hours ago: the absolute limit.
    await sut.dataSource.query(
      `UPDATE sessions SET expires_at = '${new Date(Date.now() - 1000).toISOString()}' WHERE id = '${oldId}'`,
    );
    expect((await asBrowser(old.app, ME)).errors?.[0]?.message).toMatch(/expired/);
    const ended = await sut.dataSource.query(
      `SELECT id, end_reason AS reason FROM sessions WHERE id IN ('${idleId}', '${oldId}') ORDER BY end_reason`,
    );
    expect(ended).toEqual([
      { id: oldId, reason: 'EXPIRED' },
      { id: idleId, reason: 'IDLE' },
    ]);
    expect((await events('SESSION_ENDED')).map((e) => e.payload).join()).toMatch(/IDLE.*EXPIRED|EXPIRED.*IDLE/s);
  });

  it('signs out here and at the provider (RP-initiated logout)', async () => {
    const { app } = await signIn('anna');
    const res = await app.fetch(`${base}/auth/sign-out`, {
      method: 'POST',
      headers: { origin: base, 'x-kemkollen-csrf': '1' },
    });
    expect(res.status).toBe(200);
    const next = new URL(((await res.json()) as { redirect: string }).redirect);
    expect(next.origin).toBe(op.issuer);
    expect(next.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/sign-in`);
    expect(next.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(app.cookies.has('kk_session')).toBe(false);
    // The provider accepts the request (its confirmation page).
    expect((await fetch(next)).status).toBe(200);
    expect((await events('SIGNED_OUT')).at(-1)!.payload).toContain('SIGNED_OUT');
  });

  it('lets an ADMIN list and end the sessions of its organisation; an ended session closes its WebSocket', async () => {
    const { app } = await signIn('anna');
    const sessionId = (await asBrowser(app, ME)).data.me.sessionId;
    const listed = await sut.gql('{ sessions { id role principal { name } endedAt } }', {}, TOKENS.admin);
    expect(listed.data.sessions).toContainEqual({
      id: sessionId,
      role: 'ADMIN',
      principal: { name: 'Anna Admin' },
      endedAt: null,
    });
    // Another organisation's ADMIN sees none of them, in the list or through node(id).
    const skane = await sut.gql('{ sessions { id } }', {}, await skaneAdminToken());
    expect(skane.data.sessions.map((s: { id: string }) => s.id)).not.toContain(sessionId);
    const NODE = 'query ($id: ID!) { node(id: $id) { __typename id ... on Session { role } } }';
    expect((await sut.gql(NODE, { id: sessionId }, TOKENS.admin)).data.node).toEqual({
      __typename: 'Session',
      id: sessionId,
      role: 'ADMIN',
    });
    expect((await sut.gql(NODE, { id: sessionId }, await skaneAdminToken())).data.node).toBeNull();
    expect(
      (await sut.gql('mutation ($id: ID!) { endSession(id: $id) { id } }', { id: sessionId }, TOKENS.coordinator))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    // The web app's live connection: the cookie on the upgrade request, from its own origin only.
    const headers = { cookie: `kk_session=${app.cookies.get('kk_session')}`, origin: base };
    const ws = (origin: string) =>
      new WsClient(
        sut.wsUrl,
        null,
        {},
        class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { ...headers, origin } });
          }
        } as unknown as typeof WebSocket,
      );
    const foreign = ws('http://evil.example');
    expect((await foreign.closed).code).toBe(4403);
    const live = ws(base);
    await live.connected;

    const ended = await sut.gql(
      'mutation ($id: ID!) { endSession(id: $id) { id endedAt endReason } }',
      { id: sessionId },
      TOKENS.admin,
    );
    expect(ended.data.endSession).toMatchObject({ id: sessionId, endReason: 'ENDED_BY_ADMIN' });
    expect((await live.closed).code).toBe(4403);
    expect((await asBrowser(app, ME)).errors?.[0]?.message).toMatch(/has ended/);
    const again = await sut.gql('mutation ($id: ID!) { endSession(id: $id) { id } }', { id: sessionId }, TOKENS.admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('checks the provider it is given', async () => {
    // addIdentityProvider with a valid provider, but for what `change` replaces.
    const add = (change: Record<string, unknown>, token: string) =>
      sut.gql(
        ADD,
        {
          i: {
            issuer: 'https://idp.example.org',
            clientId: 'x',
            clientSecret: 'y',
            roleClaim: 'groups',
            roleMappings: mappings,
            ...change,
          },
        },
        token,
      );
    const bad = await add({ issuer: 'http://idp.example.org' }, TOKENS.coordinator);
    expect(bad.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const http = await add({ organisationId: null, issuer: 'http://idp.example.org' }, TOKENS.admin);
    expect(http.errors?.[0]?.message).toMatch(/issuer.*https/);
    const again = await add({ roleMappings: [{ claimValue: 'a', role: 'SUPPLIER' }] }, TOKENS.admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const twice = await add({}, TOKENS.admin);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
