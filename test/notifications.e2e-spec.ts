import { createHmac } from 'node:crypto';
import { NotificationDeriverService } from '../src/notifications/notification-deriver.service.js';
import { NotificationSenderService } from '../src/notifications/notification-sender.service.js';
import { NotificationWorker } from '../src/notifications/notification-worker.js';
import {
  buildFollowUp,
  CAS,
  daysAgo,
  daysFromNow,
  FollowUpFactory,
  phthalates,
  type RecordFollowUpInput,
} from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { TestSmtpServer, TestWebhookReceiver } from './helpers/notification-receivers.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';

/**
 * Watching and notifications (issue 19, items 3 and 4) against a real SMTP server on loopback and a
 * local webhook receiver. The worker's timer is off (NOTIFY_ENABLED=false): each test runs its
 * rounds itself, so what is sent when is certain.
 */
describe('notifications', () => {
  let sut: TestApp;
  let f: FollowUpFactory;
  const smtp = new TestSmtpServer();
  const hooks = new TestWebhookReceiver();
  let pht: string;
  const saved = { ...process.env };

  const STOCKHOLM = 'stockholm@example.org';
  const SKANE = 'skane@example.org';

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    await hooks.start();
    sut = await startTestApp({
      env: {
        SMTP_URL: smtpUrl,
        NOTIFY_ENABLED: 'false',
        WEBHOOK_BACKOFF_MS: '40',
        WEBHOOK_DISABLE_AFTER: '5',
        RATE_LIMIT_ENABLED: 'false',
      },
    });
    f = new FollowUpFactory(sut);
    pht = await f.requirementId('K-PHT-01');
  }, 60_000);
  afterAll(async () => {
    await sut?.close();
    await smtp.stop();
    await hooks.stop();
    for (const key of [
      'SMTP_URL',
      'NOTIFY_ENABLED',
      'WEBHOOK_BACKOFF_MS',
      'WEBHOOK_DISABLE_AFTER',
      'RATE_LIMIT_ENABLED',
    ])
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
  });

  const round = () => sut.app.get(NotificationWorker).tick();
  const watch = async (token: string, kind: string, targetId?: string) =>
    dataOf(
      await sut.gql(
        'mutation ($k: WatchKind!, $t: ID) { watch(kind: $k, targetId: $t) { id } }',
        { k: kind, t: targetId },
        token,
      ),
    );
  /** The mails to `address` about a follow-up (its id in the JSON the mail carries). */
  const mailsAbout = (address: string, followUpId: string) =>
    smtp.to(address).filter((m) => m.raw.replace(/=\r?\n/g, '').includes(followUpId));
  const record = async (token: string, o: Partial<RecordFollowUpInput>) =>
    (await f.record(
      buildFollowUp({ requirementIds: [pht], measurements: phthalates('PVC', {}, 10), ...o }),
      token as never,
      'id',
    )) as { id: string };
  async function fresh() {
    const supplier = (await f.supplier()).id;
    const product = (await f.product(supplier)).id;
    return { supplier, product };
  }

  it('a completed follow-up on a watched product: one e-mail, however often the worker runs', async () => {
    const { product } = await fresh();
    await watch(TOKENS.stockholm, 'PRODUCT', product);
    const followUp = await record(TOKENS.skane, { productId: product });
    const hidden = await record(TOKENS.skane, { productId: product, visibility: 'PRIVATE' });

    await round();
    await round();

    const mails = mailsAbout(STOCKHOLM, followUp.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('completed');
    expect(mails[0]!.idempotencyKey).toMatch(/^event:\d+:FOLLOW_UP_COMPLETED:.+:email$/);
    // A PRIVATE follow-up of another organisation tells nobody outside it; the one who recorded is not told either.
    expect(mailsAbout(STOCKHOLM, hidden.id)).toHaveLength(0);
    expect(mailsAbout(SKANE, followUp.id)).toHaveLength(0);
  });

  it("a FAIL against my organisation's contract: one e-mail saying so", async () => {
    const { supplier, product } = await fresh();
    await f.contract(TOKENS.stockholm, supplier, [{ code: 'K-PHT-01', limit: { value: 100, unit: 'MG_PER_KG' } }]);
    await watch(TOKENS.stockholm, 'CONTRACTS');
    const failing = await record(TOKENS.skane, {
      productId: product,
      measurements: phthalates('PVC', { [CAS.DEHP]: 800 }),
    });

    await round();

    const mails = mailsAbout(STOCKHOLM, failing.id);
    expect(mails.filter((m) => m.subject.includes('FAIL'))).toHaveLength(1);
    expect(mails.filter((m) => m.subject.includes('completed'))).toHaveLength(1);
  });

  it('a follow-up we reused, retracted: the region that recorded the reuse is told once', async () => {
    const { supplier, product } = await fresh();
    const contract = await f.contract(TOKENS.stockholm, supplier, [{ code: 'K-PHT-01' }]);
    const followUp = await record(TOKENS.skane, { productId: product });
    dataOf(await f.recordReuseRaw(followUp.id, contract.id, TOKENS.stockholm));
    await round();
    await f.retract(followUp.id, TOKENS.skane);

    await round();
    await round();

    const mails = mailsAbout(STOCKHOLM, followUp.id).filter((m) => m.subject.includes('retracted'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.idempotencyKey).toContain('REUSE_RETRACTED');
  });

  it("a supplier's answer, and deviations due within 7 days or overdue: one e-mail each", async () => {
    const { supplier, product } = await fresh();
    await f.contract(TOKENS.skane, supplier, [{ code: 'K-PHT-01' }]);
    await watch(TOKENS.skane, 'SUPPLIER', supplier);
    const followUp = await record(TOKENS.skane, { productId: product });
    const member = dataOf(
      await sut.gql(
        'mutation ($s: ID!) { inviteSupplierMember(supplierId: $s, name: "Lev", email: "lev@example.org") { token } }',
        { s: supplier },
        TOKENS.skane,
      ),
    ).inviteSupplierMember.token as string;
    const soon = await f.openDeviation(
      { followUpId: followUp.id, severity: 'MINOR', description: 'Snart', dueDate: daysFromNow(3) },
      TOKENS.skane,
    );
    await f.openDeviation(
      { followUpId: followUp.id, severity: 'MAJOR', description: 'Sen', dueDate: daysAgo(2) },
      TOKENS.skane,
    );
    await f.openDeviation(
      { followUpId: followUp.id, severity: 'MINOR', description: 'Långt fram', dueDate: daysFromNow(40) },
      TOKENS.skane,
    );
    dataOf(
      await sut.gql(
        'mutation ($d: ID!, $due: Date!) { respondToDeviation(deviationId: $d, actionPlan: "Byter", dueDate: $due) { id } }',
        { d: soon.id, due: daysFromNow(20) },
        member,
      ),
    );

    await round();
    for (let i = 0; i < 2; i++) {
      for (const channel of ['EMAIL', 'WEBHOOK'] as const)
        await sut.app.get(NotificationDeriverService).sweepDeviations(channel);
      await round();
    }

    const mails = mailsAbout(SKANE, followUp.id);
    expect(mails.filter((m) => m.subject.includes('supplier answered'))).toHaveLength(1);
    expect(mails.filter((m) => m.subject.includes('due within 7 days'))).toHaveLength(1);
    expect(mails.filter((m) => m.subject.includes('overdue'))).toHaveLength(1);
  });

  it('a daily digest: nothing at once, then one e-mail with every notification', async () => {
    const { product } = await fresh();
    const principal = dataOf(
      await sut.gql(
        'mutation { createMember(input: { name: "Digest", email: "digest@example.org" }) { id } }',
        {},
        TOKENS.admin,
      ),
    ).createMember.id;
    const token = dataOf(
      await sut.gql(
        'mutation ($p: ID!) { createToken(input: { principalId: $p, role: READER, name: "d" }) { token } }',
        { p: principal },
        TOKENS.admin,
      ),
    ).createToken.token as string;
    dataOf(await sut.gql('mutation { setEmailNotifications(mode: DAILY_DIGEST) }', {}, token));
    await watch(token, 'PRODUCT', product);
    const first = await record(TOKENS.skane, { productId: product });
    const second = await record(TOKENS.stockholm, { productId: product });

    await round();
    expect(smtp.to('digest@example.org')).toHaveLength(0);
    await sut.app.get(NotificationSenderService).sendDigests();
    await sut.app.get(NotificationSenderService).sendDigests();

    const mails = smtp.to('digest@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('2 notifications');
    const text = mails[0]!.raw.replace(/=\r?\n/g, '');
    expect(text).toContain(first.id);
    expect(text).toContain(second.id);
  });

  it('a webhook answering 500 three times, then 200: delivered, signed, with backoff, logged', async () => {
    const { product } = await fresh();
    hooks.failFirst.set('/flaky', 3);
    const created = dataOf(
      await sut.gql(
        'mutation ($u: String!) { createWebhook(url: $u, events: [FOLLOW_UP_COMPLETED]) { secret webhook { id enabled events } } }',
        { u: `${hooks.url}/flaky` },
        TOKENS.stockholm,
      ),
    ).createWebhook;
    await watch(TOKENS.stockholm, 'PRODUCT', product);
    const followUp = await record(TOKENS.skane, { productId: product });

    for (let i = 0; i < 60 && !hooks.at('/flaky').some((h) => h.answered === 200); i++) {
      await round();
      await new Promise((r) => setTimeout(r, 25));
    }
    await round();

    const received = hooks.at('/flaky');
    expect(received.map((h) => h.answered)).toEqual([500, 500, 500, 200]);
    expect(new Set(received.map((h) => h.key)).size).toBe(1);
    const body = received[0]!.body;
    expect(JSON.parse(body)).toMatchObject({ reason: 'FOLLOW_UP_COMPLETED', followUpId: followUp.id });
    const expected = `sha256=${createHmac('sha256', created.secret).update(body).digest('hex')}`;
    for (const h of received) expect(h.signature).toBe(expected);
    // Exponential backoff: 40, 80, 160 ms at least between the attempts.
    const gaps = received.slice(1).map((h, i) => h.at - received[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(155);
    const log = dataOf(
      await sut.gql(
        'query ($w: ID!) { webhookDeliveries(webhookId: $w) { totalCount nodes { idempotencyKey status attempts responseStatus } } }',
        { w: created.webhook.id },
        TOKENS.stockholm,
      ),
    ).webhookDeliveries;
    expect(log.nodes).toEqual([{ idempotencyKey: received[0]!.key, status: 'SENT', attempts: 4, responseStatus: 200 }]);
    // Nobody else reads the log.
    const other = await sut.gql(
      'query ($w: ID!) { webhookDeliveries(webhookId: $w) { totalCount } }',
      { w: created.webhook.id },
      TOKENS.skane,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a webhook failing every time is turned off after 5 failures in a row, and on again by its owner', async () => {
    const { product } = await fresh();
    hooks.failFirst.set('/down', Infinity);
    const created = dataOf(
      await sut.gql(
        'mutation ($u: String!) { createWebhook(url: $u, events: [FOLLOW_UP_COMPLETED]) { webhook { id } } }',
        { u: `${hooks.url}/down` },
        TOKENS.skane,
      ),
    ).createWebhook;
    await watch(TOKENS.skane, 'PRODUCT', product);
    await record(TOKENS.stockholm, { productId: product });

    for (let i = 0; i < 80 && hooks.at('/down').length < 5; i++) {
      await round();
      await new Promise((r) => setTimeout(r, 30));
    }
    await new Promise((r) => setTimeout(r, 400));
    await round();

    const state = async () =>
      dataOf(
        await sut.gql('{ webhooks { id enabled consecutiveFailures disabledAt } }', {}, TOKENS.skane),
      ).webhooks.find((w: { id: string }) => w.id === created.webhook.id);
    expect(hooks.at('/down')).toHaveLength(5);
    expect(await state()).toMatchObject({ enabled: false, consecutiveFailures: 5 });
    // The log says so, under the owner's organisation (its ADMINs read it in the audit log).
    const [disabled] = await sut.dataSource.query(
      `SELECT e.actor_principal_id AS actor, o.code AS organisation FROM events e JOIN organisations o ON o.id = e.actor_organisation_id WHERE e.type = 'WEBHOOK_DISABLED' AND e.subject_id = '${created.webhook.id}'`,
    );
    expect(disabled).toEqual({ actor: null, organisation: 'region-skane' });
    const foreign = await sut.gql(
      'mutation ($id: ID!) { enableWebhook(id: $id) { id } }',
      { id: created.webhook.id },
      TOKENS.stockholm,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    dataOf(
      await sut.gql('mutation ($id: ID!) { enableWebhook(id: $id) { id } }', { id: created.webhook.id }, TOKENS.skane),
    );
    expect(await state()).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
  });

  it('refuses a webhook URL that is not http(s), and a watch of nothing', async () => {
    const bad = await sut.gql(
      'mutation { createWebhook(url: "ftp://x", events: [CONTRACT_FAIL]) { secret } }',
      {},
      TOKENS.skane,
    );
    const none = await sut.gql('mutation { watch(kind: PRODUCT) { id } }', {}, TOKENS.skane);
    const unknown = await sut.gql(
      'mutation { watch(kind: SUPPLIER, targetId: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      TOKENS.skane,
    );

    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('watch, watches, unwatch', async () => {
    const { product } = await fresh();
    await watch(TOKENS.reader, 'PRODUCT', product);
    await watch(TOKENS.reader, 'PRODUCT', product);
    const listed = dataOf(await sut.gql('{ watches { kind targetId } }', {}, TOKENS.reader)).watches;
    expect(listed.filter((w: { targetId: string }) => w.targetId === product)).toEqual([
      { kind: 'PRODUCT', targetId: product },
    ]);

    const gone = dataOf(
      await sut.gql('mutation ($t: ID!) { unwatch(kind: PRODUCT, targetId: $t) }', { t: product }, TOKENS.reader),
    ).unwatch;
    const again = dataOf(
      await sut.gql('mutation ($t: ID!) { unwatch(kind: PRODUCT, targetId: $t) }', { t: product }, TOKENS.reader),
    ).unwatch;
    expect([gone, again]).toEqual([true, false]);
  });
});
