import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { TokenAdminService } from '../src/auth/token-admin.service.js';
import { build } from './factories/catalogue.js';
import { buildFollowUp, FollowUpFactory } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { freePort } from './helpers/server-process.js';
import { onPostgres, startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';
import { WsClient, WsSubscription } from './helpers/ws-client.js';

/**
 * Several instances of the service on one PostgreSQL database, with Redis carrying the event
 * notifications between them. Runs only with DATABASE_URL and REDIS_URL (`npm run test:multi`,
 * and in .ci/run); `npm test` on SQLite skips it.
 *
 * - Two instances in this process on one schema: a subscriber on B receives what is written on A.
 *   Their poll is set to a minute, so what arrives within seconds came through Redis.
 * - Redis restarts in the middle (a private redis-server on its own port, so the shared one is
 *   left alone): the instances reconnect by themselves; what was written during the outage arrives
 *   once Redis is back, a client that resumes from its cursor misses nothing, nothing is doubled.
 * - Two service processes (`node dist/main.js`, as deployed) with a subscriber on one and writes
 *   on the other.
 */
const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
/** The Redis all instances share (the Redis-restart tests point theirs elsewhere for a while). */
const sharedRedisUrl = process.env.REDIS_URL;
const describeIf = enabled ? describe : describe.skip;
const title = enabled
  ? 'several instances on PostgreSQL and Redis'
  : 'several instances (skipped: needs DATABASE_URL and REDIS_URL, see npm run test:multi)';

const SUBSCRIPTION = `subscription ($filter: FollowUpEventFilter, $after: String) { followUpEvents(filter: $filter, after: $after) {
  cursor type followUp { id confidentialNotes } } }`;
interface Event {
  cursor: string;
  type: string;
  followUp: { id: string; confidentialNotes: string | null };
}

/** A poll interval long enough that a test finishing in seconds shows delivery through Redis. */
const SLOW_POLL = { EVENTS_POLL_MS: '60000' };

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ready = async (baseUrl: string): Promise<{ status: string; redis?: string }> =>
  (await fetch(`${baseUrl}/health/ready`)).json() as Promise<{ status: string; redis?: string }>;

/** A redis-server of this test's own, on a free port, that the test can stop and start again. */
class PrivateRedis {
  private process: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.process = child;
    await until(
      'redis-server to accept connections',
      () =>
        new Promise<boolean>((resolve) => {
          const socket = connectTcp(this.port, '127.0.0.1');
          socket.once('connect', () => {
            socket.end();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        }),
    );
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

describeIf(title, () => {
  describe('two instances in one process, one schema', () => {
    let a: TestApp;
    let b: TestApp;
    const clients: WsClient[] = [];

    beforeAll(async () => {
      a = await startTestApp({ env: { ...SLOW_POLL, WS_TOKEN_RECHECK_MS: '60000' } });
      b = await startTestApp({ sharing: a });
    }, 60_000);
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    it('reports Redis in /health/ready', async () => {
      for (const app of [a, b])
        expect(await ready(app.url.replace('/graphql', ''))).toMatchObject({
          status: 'ok',
          database: 'postgres',
          redis: 'ok',
        });
    });

    it('delivers to a subscriber on B what is written on A, and the other way round', async () => {
      const f = new FollowUpFactory(a);
      const fb = new FollowUpFactory(b);
      const supplier = await f.supplier();
      const onB = new WsClient(b.wsUrl, TOKENS.stockholm);
      const onA = new WsClient(a.wsUrl, TOKENS.skane);
      clients.push(onB, onA);
      const subB = onB.subscribe<Event>(SUBSCRIPTION, { filter: { supplierId: supplier.id }, after: '0' });
      const subA = onA.subscribe<Event>(SUBSCRIPTION, { filter: { supplierId: supplier.id }, after: '0' });
      await WsSubscription.settle(500);

      const first = await f.record(
        buildFollowUp({ supplierId: supplier.id, method: 'DESK_AUDIT', confidentialNotes: 'HEMLIGT' }),
        TOKENS.skane,
        'id',
      );
      await subB.waitFor(1, 5000);
      const second = await fb.record(
        buildFollowUp({ supplierId: supplier.id, method: 'SITE_AUDIT' }),
        TOKENS.stockholm,
        'id',
      );
      await subB.waitFor(2, 5000);
      await subA.waitFor(2, 5000);
      expect(subB.received.map((e) => [e.type, e.followUp.id, e.followUp.confidentialNotes])).toEqual([
        ['RECORDED', first.id, null],
        ['RECORDED', second.id, null],
      ]);
      expect(subA.received.map((e) => e.followUp.confidentialNotes)).toEqual(['HEMLIGT', null]);
    }, 30_000);

    it("refuses on B at once a token revoked on A: B's cached token check is emptied through Redis", async () => {
      const issued = await a.app
        .get(TokenAdminService)
        .create({ organisationCode: 'region-stockholm', role: 'READER', name: 'Cached on B' });
      const me = () => b.gql('{ me { tokenId } }', {}, issued.token);
      expect(dataOf(await me()).me.tokenId).toBe(issued.summary.id);
      // B now answers this token's check from memory: no statement for it.
      expect(await b.countStatements(() => b.gql('{ __typename }', {}, issued.token))).toBe(0);

      const revokedAt = Date.now();
      await a.app.get(TokenAdminService).revoke(issued.summary.id);
      // B polls the log once a minute here: only the notification through Redis can empty its cache in time.
      const refused = await until('B to refuse the revoked token', async () => {
        const r = await me();
        return r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' ? r : null;
      });
      expect(refused.errors?.[0]?.message).toMatch(/revoked/);
      expect(Date.now() - revokedAt).toBeLessThan(2_000);
    }, 30_000);

    it("closes a revoked token's sockets on every instance: on A, where it was revoked, and on B", async () => {
      const issued = await a.app.get(TokenAdminService).create({
        organisationCode: 'region-stockholm',
        role: 'READER',
        name: 'Dashboard on A and B',
        kind: 'API_CLIENT',
      });
      const onB = [new WsClient(b.wsUrl, issued.token), new WsClient(b.wsUrl, issued.token)];
      const onA = new WsClient(a.wsUrl, issued.token);
      const all = [...onB, onA];
      clients.push(...all);
      await Promise.all(all.map((c) => c.connected));
      for (const c of all) c.subscribe(SUBSCRIPTION, { filter: {} });
      await WsSubscription.settle(300);
      await a.app.get(TokenAdminService).revoke(issued.summary.id);
      // The re-checks run every minute here: the revocation's event, notified through Redis, triggers them.
      const closed = await Promise.all(
        all.map((c) => Promise.race([c.closed, WsSubscription.settle(5000).then(() => 'still open')])),
      );
      expect(closed).toEqual(all.map(() => expect.objectContaining({ code: 4403 })));
    }, 30_000);
  });

  describe('Redis restarts in the middle', () => {
    let redis: PrivateRedis;
    let a: TestApp;
    let b: TestApp;
    const clients: WsClient[] = [];

    beforeAll(async () => {
      redis = new PrivateRedis(await freePort());
      await redis.start();
      a = await startTestApp({ env: { ...SLOW_POLL, REDIS_URL: redis.url } });
      b = await startTestApp({ sharing: a });
    }, 60_000);
    afterAll(async () => {
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
      await b?.close();
      await a?.close();
      await redis?.stop();
      process.env.REDIS_URL = sharedRedisUrl;
    });

    it('reconnects by itself; nothing is lost or doubled, live or on resume', async () => {
      const f = new FollowUpFactory(a);
      const supplier = await f.supplier();
      const write = async () =>
        (await f.record(buildFollowUp({ supplierId: supplier.id, method: 'DESK_AUDIT' }), TOKENS.skane, 'id'))
          .id as string;
      const live = new WsClient(b.wsUrl, TOKENS.stockholm);
      const leaving = new WsClient(b.wsUrl, TOKENS.reader);
      clients.push(live, leaving);
      const sub = live.subscribe<Event>(SUBSCRIPTION, { filter: { supplierId: supplier.id }, after: '0' });
      const leaver = leaving.subscribe<Event>(SUBSCRIPTION, { filter: { supplierId: supplier.id }, after: '0' });
      await WsSubscription.settle(500);

      const ids = [await write(), await write()];
      await sub.waitFor(2, 5000);
      await leaver.waitFor(2, 5000);
      const leaverCursor = leaver.received[1]!.cursor;
      await leaving.dispose();

      await redis.stop();
      await until('B to see Redis down', async () => (await ready(b.url.replace('/graphql', ''))).redis !== 'ok');
      // Written while Redis is down: committed, their notifications lost.
      ids.push(await write(), await write());

      await redis.start();
      for (const app of [a, b])
        await until(
          'the instance to reconnect to Redis',
          async () => (await ready(app.url.replace('/graphql', ''))).redis === 'ok',
        );
      // Back: B reads the log as soon as its subscriber connection is ready again, and new writes arrive through Redis.
      await sub.waitFor(4, 10_000);
      ids.push(await write());
      await sub.waitFor(5, 5000);

      const resumed = new WsClient(b.wsUrl, TOKENS.reader);
      clients.push(resumed);
      const again = resumed.subscribe<Event>(SUBSCRIPTION, {
        filter: { supplierId: supplier.id },
        after: leaverCursor,
      });
      await again.waitFor(3, 5000);
      await WsSubscription.settle(500);

      expect(sub.received.map((e) => e.followUp.id)).toEqual(ids);
      expect(again.received.map((e) => e.followUp.id)).toEqual(ids.slice(2));
      const cursors = sub.received.map((e) => Number(e.cursor));
      expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
      expect(new Set(cursors).size).toBe(cursors.length);
    }, 60_000);
  });

  describe('two service processes (node dist/main.js)', () => {
    const main = join(process.cwd(), 'dist', 'main.js');
    const schema = `test_multi_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const children: ChildProcess[] = [];
    const output: string[] = [];
    let urls: string[] = [];
    let client: WsClient | null = null;

    const sql = onPostgres;

    async function startProcess(port: number, seed: boolean): Promise<string> {
      const child = spawn(process.execPath, [main], {
        env: {
          ...process.env,
          REDIS_URL: sharedRedisUrl,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_SCHEMA: schema,
          SEED_ON_START: String(seed),
          NODE_ENV: 'development',
          DEMO_DATA: 'true',
          LOG_LEVEL: 'warn',
          EVENTS_POLL_MS: '60000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d) => output.push(String(d)));
      child.stderr?.on('data', (d) => output.push(String(d)));
      children.push(child);
      const base = `http://127.0.0.1:${port}`;
      await until(
        `the process on port ${port} to be ready (output: ${output.join('').slice(-500)})`,
        async () => (await ready(base)).status === 'ok',
        60_000,
      );
      return base;
    }

    beforeAll(async () => {
      if (!existsSync(main))
        throw new Error('dist/main.js is missing: run `npm run build` first (npm run test:multi does)');
      await sql(`CREATE SCHEMA ${schema}`);
      // The first one migrates and seeds; the second starts on the same database.
      urls = [await startProcess(await freePort(), true)];
      urls.push(await startProcess(await freePort(), false));
    }, 120_000);
    afterAll(async () => {
      await client?.dispose();
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }, 30_000);

    it('delivers to a subscriber on one process what is written through the other', async () => {
      const [first, second] = urls as [string, string];
      client = new WsClient(`${second.replace('http', 'ws')}/graphql`, TOKENS.stockholm);
      const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
        const res = await fetch(`${first}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        return { ...((await res.json()) as object), status: res.status };
      };
      const supplier = dataOf(
        await gql(
          'mutation ($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }',
          { i: build.supplier() },
          TOKENS.admin,
        ),
      ).createSupplier;
      const sub = client.subscribe<Event>(SUBSCRIPTION, { filter: { supplierId: supplier.id }, after: '0' });
      await WsSubscription.settle(500);
      const recorded = dataOf(
        await gql(
          'mutation ($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { id } }',
          { i: buildFollowUp({ supplierId: supplier.id, method: 'DESK_AUDIT', confidentialNotes: 'HEMLIGT' }) },
          TOKENS.skane,
        ),
      ).recordFollowUp;
      await sub.waitFor(1, 5000);
      expect(sub.received.map((e) => [e.type, e.followUp.id, e.followUp.confidentialNotes])).toEqual([
        ['RECORDED', recorded.id, null],
      ]);
    }, 30_000);
  });
});
