import WebSocket from 'ws';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';
import { WsClient, WsSubscription } from './helpers/ws-client.js';

/**
 * Limits across instances and connections (issue 12, item 5): with REDIS_URL the request counters
 * live in Redis, so two instances of one registry grant one budget, not two; and one WebSocket
 * connection holds at most WS_MAX_SUBSCRIPTIONS subscriptions.
 */
const RATE_ENV = [
  'WS_UPGRADES_PER_ADDRESS',
  'RATE_LIMIT_ENABLED',
  'RATE_LIMIT_PER_TOKEN',
  'RATE_LIMIT_PER_ADDRESS',
  'WS_MAX_SUBSCRIPTIONS',
  'REDIS_URL',
];
const saved = Object.fromEntries(RATE_ENV.map((k) => [k, process.env[k]]));
const restore = () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
};

const sharedRedis = process.env.REDIS_URL;
const describeIfRedis = sharedRedis ? describe : describe.skip;

describeIfRedis('rate limits shared by two instances through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const PER_TOKEN = 6;

  beforeAll(async () => {
    a = await startTestApp({
      env: {
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_PER_TOKEN: String(PER_TOKEN),
        RATE_LIMIT_PER_ADDRESS: '0',
        REDIS_URL: sharedRedis,
      },
    });
    b = await startTestApp({ sharing: a });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    restore();
  });

  it('a token spending its budget half on A and half on B is refused on both after PER_TOKEN requests', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_TOKEN + 2; i++) {
      const sut = i % 2 === 0 ? a : b;
      statuses.push((await sut.gql('{ me { role } }', {}, TOKENS.reader)).status);
    }
    // In memory per instance each would have allowed PER_TOKEN: all 8 would pass.
    expect(statuses.slice(0, PER_TOKEN)).toEqual(Array(PER_TOKEN).fill(200));
    expect(statuses.slice(PER_TOKEN)).toEqual([429, 429]);
    const refused = await b.gql('{ me { role } }', {}, TOKENS.reader);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Another token has its own budget.
    expect((await a.gql('{ me { role } }', {}, TOKENS.stockholm)).status).toBe(200);
  });
});

describe('subscriptions per WebSocket connection', () => {
  let sut: TestApp;
  const clients: WsClient[] = [];
  const SUBSCRIPTION = 'subscription { followUpEvents { cursor type } }';

  beforeAll(async () => {
    sut = await startTestApp({ env: { WS_MAX_SUBSCRIPTIONS: '3' } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await sut.close();
    restore();
  });

  it('refuses a subscription beyond WS_MAX_SUBSCRIPTIONS with RATE_LIMITED; completing one makes room', async () => {
    const client = new WsClient(sut.wsUrl, TOKENS.reader);
    clients.push(client);
    await client.connected;
    const held = [0, 1, 2].map(() => client.subscribe(SUBSCRIPTION));
    await WsSubscription.settle(300);
    expect(held.map((s) => s.errors)).toEqual([[], [], []]);

    const fourth = client.subscribe(SUBSCRIPTION);
    await fourth.waitForEnd();
    expect(JSON.stringify(fourth.errors)).toContain('RATE_LIMITED');
    expect(JSON.stringify(fourth.errors)).toContain('WS_MAX_SUBSCRIPTIONS');

    held[0]!.unsubscribe();
    await WsSubscription.settle(300);
    const again = client.subscribe(SUBSCRIPTION);
    await WsSubscription.settle(300);
    expect(again.errors).toEqual([]);
    expect(again.done).toBe(false);
    // Another connection has its own allowance.
    const other = new WsClient(sut.wsUrl, TOKENS.reader);
    clients.push(other);
    await other.connected;
    const fresh = other.subscribe(SUBSCRIPTION);
    await WsSubscription.settle(300);
    expect(fresh.errors).toEqual([]);
  });
});

describe('WebSocket upgrades per address', () => {
  let sut: TestApp;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    sut = await startTestApp({ env: { RATE_LIMIT_ENABLED: 'true', WS_UPGRADES_PER_ADDRESS: '3' } });
  });
  afterAll(async () => {
    for (const s of sockets) s.terminate();
    await sut.close();
    restore();
  });

  /** Opens a raw WebSocket: 'open', or the HTTP status and body the upgrade was refused with. */
  const upgrade = () =>
    new Promise<{ open: true } | { status: number; retryAfter: string | undefined; body: string }>(
      (resolve, reject) => {
        const socket = new WebSocket(sut.wsUrl, 'graphql-transport-ws');
        sockets.push(socket);
        socket.on('open', () => resolve({ open: true }));
        socket.on('unexpected-response', (_req, res) => {
          let body = '';
          res.on('data', (chunk) => (body += String(chunk)));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }));
        });
        socket.on('error', (error) => reject(error));
      },
    );

  it('refuses the upgrade beyond WS_UPGRADES_PER_ADDRESS with 429, Retry-After and RATE_LIMITED; HTTP is not counted', async () => {
    for (let i = 0; i < 3; i++) expect(await upgrade()).toEqual({ open: true });

    const refused = await upgrade();

    expect(refused).toMatchObject({ status: 429, retryAfter: expect.stringMatching(/^\d+$/) });
    const body = JSON.parse((refused as { body: string }).body);
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'wsUpgradesPerAddress', max: 3 });
    expect((await sut.gql('{ me { role } }', {}, TOKENS.reader)).status).toBe(200);
  });
});
