import { NotificationSenderService } from '../src/notifications/notification-sender.service.js';
import { NotificationWorker } from '../src/notifications/notification-worker.js';
import { buildFollowUp, FollowUpFactory, phthalates } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { TestSmtpServer, TestWebhookReceiver } from './helpers/notification-receivers.js';
import {
  buildDist,
  scratchDatabase,
  startServer,
  type ScratchDatabase,
  type ServerProcess,
} from './helpers/server-process.js';
import { startTestApp, TOKENS, usingPostgres, type TestApp } from './helpers/test-app.js';

/** Stockholm watches the first product, Skåne records a follow-up of it: its id (a FOLLOW_UP_COMPLETED for Stockholm). */
async function watchedFollowUp(server: ServerProcess): Promise<string> {
  const product = dataOf<any>(await server.gql('{ products(first: 1) { nodes { id } } }', {}, TOKENS.skane)).products
    .nodes[0].id as string;
  const pht = dataOf<any>(
    await server.gql('{ requirements(filter: { search: "K-PHT-01" }) { nodes { id } } }', {}, TOKENS.skane),
  ).requirements.nodes[0].id as string;
  dataOf<any>(
    await server.gql(
      'mutation ($t: ID) { watch(kind: PRODUCT, targetId: $t) { id } }',
      { t: product },
      TOKENS.stockholm,
    ),
  );
  return dataOf<any>(
    await server.gql(
      'mutation ($i: RecordFollowUpInput!) { recordFollowUp(input: $i) { id } }',
      { i: buildFollowUp({ productId: product, requirementIds: [pht], measurements: phthalates('PVC', {}, 10) }) },
      TOKENS.skane,
    ),
  ).recordFollowUp.id as string;
}

/**
 * Delivery that loses nothing and sends nothing twice (issue 19, item 4): the service killed with
 * SIGKILL between an event's commit and its delivery tells of it after the restart, once; without
 * SMTP the e-mails wait and nothing else does; two instances on one database send each notification once.
 */
describe('notification delivery', () => {
  const smtp = new TestSmtpServer();
  const hooks = new TestWebhookReceiver();
  let smtpUrl: string;

  beforeAll(async () => {
    smtpUrl = await smtp.start();
    await hooks.start();
  });
  afterAll(async () => {
    await smtp.stop();
    await hooks.stop();
  });

  describe('kill -9 between the commit of an event and its delivery', () => {
    let scratch: ScratchDatabase;

    beforeAll(() => buildDist(), 120_000);
    afterAll(() => scratch?.drop());

    it('after the restart the e-mail is sent, once', async () => {
      scratch = await scratchDatabase({ SMTP_URL: smtpUrl, NOTIFY_ENABLED: 'true' });
      // A first round at start, then none for a minute: the event below waits for the next round.
      let server = await startServer({ ...scratch.env, NOTIFY_POLL_MS: '60000' });
      const recorded = await watchedFollowUp(server);
      await server.stop('SIGKILL');
      await server.exited;
      const about = () =>
        smtp.to('stockholm@example.org').filter((m) => m.raw.replace(/=\r?\n/g, '').includes(recorded));
      expect(about()).toHaveLength(0);

      server = await startServer({ ...scratch.env, NOTIFY_POLL_MS: '100' });
      try {
        for (let i = 0; i < 100 && about().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 1000)); // more rounds: nothing more may come
      } finally {
        await server.stop();
      }
      expect(about()).toHaveLength(1);
    }, 120_000);
  });

  describe('without SMTP_URL (NOTIFY_ENABLED for webhooks)', () => {
    let scratch: ScratchDatabase;

    beforeAll(() => buildDist(), 120_000);
    afterAll(() => scratch?.drop());

    it('an e-mail waits in the outbox while the service keeps answering and the webhooks go', async () => {
      // The worker once claimed and gave back the waiting e-mail in a loop that never yielded (SQLite
      // answers synchronously): the process stopped answering anyone (the browser journeys hung).
      scratch = await scratchDatabase({ SMTP_URL: '', NOTIFY_ENABLED: 'true', NOTIFY_POLL_MS: '100' });
      const server = await startServer(scratch.env);
      try {
        dataOf<any>(
          await server.gql(
            'mutation ($u: String!) { createWebhook(url: $u, events: [FOLLOW_UP_COMPLETED]) { webhook { id } } }',
            { u: `${hooks.url}/no-smtp` },
            TOKENS.stockholm,
          ),
        );
        const recorded = await watchedFollowUp(server);
        for (let i = 0; i < 100 && hooks.at('/no-smtp').length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        expect(hooks.at('/no-smtp')).toHaveLength(1);
        // Many worker rounds later (one every 100 ms), the service still answers at once.
        for (let i = 0; i < 10; i++) {
          await new Promise((r) => setTimeout(r, 100));
          const started = Date.now();
          const res = await fetch(`http://127.0.0.1:${server.port}/health/live`, { signal: AbortSignal.timeout(5000) });
          expect(res.ok).toBe(true);
          expect(Date.now() - started).toBeLessThan(2000);
        }
        const again = await server.gql('query ($id: ID!) { followUp(id: $id) { id } }', { id: recorded }, TOKENS.skane);
        expect(again.data?.followUp.id).toBe(recorded);
      } finally {
        await server.stop('SIGKILL'); // a starved process would not even handle SIGTERM
      }
    }, 120_000);
  });

  describe('two instances on one database', () => {
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      const env = { SMTP_URL: smtpUrl, NOTIFY_ENABLED: 'false', RATE_LIMIT_ENABLED: 'false' };
      a = await startTestApp({ env });
      b = await startTestApp({ sharing: a, env });
    }, 60_000);
    afterAll(async () => {
      await b?.close();
      await a?.close();
      delete process.env.SMTP_URL;
      delete process.env.NOTIFY_ENABLED;
    });

    it(`each notification is sent once (${usingPostgres() ? 'PostgreSQL: FOR UPDATE SKIP LOCKED' : 'SQLite: one writer at a time'})`, async () => {
      const f = new FollowUpFactory(a);
      const pht = await f.requirementId('K-PHT-01');
      const product = (await f.product((await f.supplier()).id)).id;
      const hook = dataOf(
        await a.gql(
          'mutation ($u: String!) { createWebhook(url: $u, events: [FOLLOW_UP_COMPLETED]) { webhook { id } } }',
          { u: `${hooks.url}/two` },
          TOKENS.stockholm,
        ),
      ).createWebhook.webhook.id as string;
      dataOf(
        await a.gql(
          'mutation ($t: ID) { watch(kind: PRODUCT, targetId: $t) { id } }',
          { t: product },
          TOKENS.stockholm,
        ),
      );
      const ids: string[] = [];
      for (let i = 0; i < 12; i++)
        ids.push(
          (
            await f.record(
              buildFollowUp({ productId: product, requirementIds: [pht], measurements: phthalates('PVC', {}, 10) }),
              TOKENS.skane,
              'id',
            )
          ).id,
        );

      const workers = [a, b].map((app) => app.app.get(NotificationWorker));
      for (let i = 0; i < 4; i++) await Promise.all(workers.flatMap((w) => [w.tick(), w.tick()]));

      const received = hooks.at('/two');
      expect(received).toHaveLength(12);
      expect(new Set(received.map((h) => h.key)).size).toBe(12);
      const mails = smtp
        .to('stockholm@example.org')
        .filter((m) => ids.some((id) => m.raw.replace(/=\r?\n/g, '').includes(id)));
      expect(mails).toHaveLength(12);
      const log = dataOf(
        await b.gql(
          'query ($w: ID!) { webhookDeliveries(webhookId: $w, first: 100) { totalCount nodes { status attempts } } }',
          { w: hook },
          TOKENS.stockholm,
        ),
      ).webhookDeliveries;
      expect(log.totalCount).toBe(12);
      expect(
        log.nodes.every((n: { status: string; attempts: number }) => n.status === 'SENT' && n.attempts === 1),
      ).toBe(true);
    }, 60_000);

    it('deletes finished deliveries older than NOTIFY_RETENTION_DAYS, and derives none of them again', async () => {
      const sender = a.app.get(NotificationSenderService);
      const hook = dataOf(await a.gql('{ webhooks { id } }', {}, TOKENS.stockholm)).webhooks[0].id as string;
      const count = async () =>
        dataOf(
          await a.gql(
            'query ($w: ID!) { webhookDeliveries(webhookId: $w, first: 100) { totalCount } }',
            { w: hook },
            TOKENS.stockholm,
          ),
        ).webhookDeliveries.totalCount as number;
      expect(await count()).toBe(12);
      expect(await sender.prune()).toBe(0); // all finished just now: kept
      const later = Date.now() + 91 * 86_400_000;
      expect(await sender.prune(later)).toBeGreaterThanOrEqual(24); // 12 webhook deliveries, 12 e-mails
      expect(await count()).toBe(0);
      const before = hooks.at('/two').length;
      const workers = [a, b].map((app) => app.app.get(NotificationWorker));
      for (let i = 0; i < 2; i++) await Promise.all(workers.map((w) => w.tick()));
      expect(hooks.at('/two')).toHaveLength(before);
    }, 60_000);
  });
});
