import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { ImportJobEntity } from '../src/import/import-job.entity.js';
import { CAS, daysAgo, FollowUpFactory } from './factories/follow-ups.js';
import { dataOf } from './helpers/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './helpers/test-app.js';
import { WsClient } from './helpers/ws-client.js';

/**
 * POST /imports (issue 16, item 3): a multipart upload with a bearer token, a size limit and the
 * fields dryRun, onExisting, sheet and background, answering what importFollowUps answers; large
 * files (here: over 8 KiB) as an import job followed with importJob and importProgress.
 */
const IMPORT = `mutation ($csv: String!, $dryRun: Boolean, $onExisting: OnExisting) {
  importFollowUps(csv: $csv, dryRun: $dryRun, onExisting: $onExisting) {
    dryRun onExisting imported followUps measurements created updated unchanged skipped
    outcomes { key row outcome followUpId matchedBy written differences { field stored imported } }
    errors { row column reason } format { kind encoding delimiter decimalSeparator sheet } } }`;
const JOB_FIELDS =
  'id status progress phase fileName errors { row column reason } result { created unchanged } failure';

describe('POST /imports', () => {
  let sut: TestApp;
  let base: string;
  let product: { id: string };
  let run = '';

  const csvOf = (n: number, extra = '') =>
    [
      'follow_up_key;product_id;requirement_codes;method;performed_on;report_reference;notes;substance_cas;part;detected;value;unit',
      ...Array.from(
        { length: n },
        (_, i) =>
          `k${i};${product.id};K-PHT-01;LAB_ANALYSIS;${daysAgo(10)};U-${run}-${i};Uppladdad${extra};${CAS.DEHP};PVC;true;0,${i + 1};PERCENT_WW`,
      ),
    ].join('\r\n') + '\r\n';
  const upload = async (
    file: Buffer | string | null,
    fields: Record<string, string> = {},
    token: string | null = TOKENS.skane,
    name = 'resultat.csv',
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file !== null) form.append('file', new Blob([file]), name);
    const response = await fetch(`${base}/imports`, {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const count = async () => Number((await sut.dataSource.query('SELECT COUNT(*) AS n FROM follow_ups'))[0].n);

  beforeAll(async () => {
    sut = await startTestApp({ env: { IMPORT_MAX_MB: '1', IMPORT_JOB_KB: '8', IMPORT_HEARTBEAT_MS: '200' } });
    base = sut.url.replace('/graphql', '');
    const f = new FollowUpFactory(sut);
    product = await f.product((await f.supplier()).id);
  }, 60_000);
  beforeEach(() => (run = Math.random().toString(36).slice(2, 8)));
  afterAll(async () => {
    await sut.close();
    delete process.env.IMPORT_MAX_MB;
    delete process.env.IMPORT_JOB_KB;
  });

  it('answers what importFollowUps answers, for a dry run and for the import', async () => {
    const csv = csvOf(3);
    const graphql = dataOf(await sut.gql(IMPORT, { csv, dryRun: true }, TOKENS.skane)).importFollowUps;
    const dry = await upload(csv, { dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ ...graphql, format: { ...graphql.format, encoding: 'UTF-8' } });
    expect(dry.body).toMatchObject({ dryRun: true, created: 3, imported: false });

    const before = await count();
    const stored = await upload(csv, { onExisting: 'skip' });
    expect(stored.body).toMatchObject({ imported: true, created: 3, onExisting: 'SKIP', errors: [] });
    expect(await count()).toBe(before + 3);
    expect((await upload(csv)).body).toMatchObject({ imported: true, created: 0, unchanged: 3 });
    expect(await count()).toBe(before + 3);
  });

  it('takes an XLSX file and its sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad1');
    sheet.addRow([
      'follow_up_key',
      'product_id',
      'method',
      'performed_on',
      'report_reference',
      'substance_cas',
      'part',
      'detected',
      'value',
      'unit',
    ]);
    sheet.addRow(['x', product.id, 'LAB_ANALYSIS', daysAgo(3), `X-${run}`, CAS.DEHP, 'PVC', 'true', 0.2, 'PERCENT_WW']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await upload(bytes, { sheet: 'Blad1' }, TOKENS.skane, 'resultat.xlsx');
    expect(result.body).toMatchObject({ imported: true, created: 1, format: { kind: 'XLSX', sheet: 'Blad1' } });
  });

  it('refuses without a token, a READER, a body that is not multipart, a missing file and bad fields, naming each', async () => {
    const csv = csvOf(1);
    expect(await upload(csv, {}, null)).toMatchObject({
      status: 401,
      body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect(await upload(csv, {}, 'kk_not_a_token')).toMatchObject({ status: 401 });
    expect(await upload(csv, {}, TOKENS.reader)).toMatchObject({
      status: 403,
      body: { errors: [{ message: 'POST /imports needs the role CONTACT_PERSON; your token has READER' }] },
    });
    const json = await fetch(`${base}/imports`, {
      method: 'POST',
      body: JSON.stringify({ csv }),
      headers: { authorization: `Bearer ${TOKENS.skane}`, 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);
    const refusals: Array<[Buffer | string | null, Record<string, string>, string]> = [
      [null, {}, 'file: required: the CSV or XLSX file, in the field "file"'],
      [csv, { onExisting: 'MAYBE' }, 'onExisting: "MAYBE": must be SKIP, UPDATE or REJECT'],
      [csv, { dryRun: 'ja' }, 'dryRun: "ja": must be true or false'],
      [csv, { colour: 'red' }, 'colour: unknown field; the fields are file, dryRun, onExisting, sheet, background'],
      ['', {}, 'file: the file is empty'],
    ];
    for (const [file, fields, message] of refusals)
      expect(await upload(file, fields)).toEqual({
        status: 400,
        body: { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] },
      });
  });

  it('refuses a file over the size limit (IMPORT_MAX_MB) and stores nothing', async () => {
    const before = await count();
    const big = Buffer.alloc(1024 * 1024 + 10, 'a');
    const result = await upload(big);
    expect(result).toEqual({
      status: 413,
      body: {
        errors: [
          {
            message: 'file: larger than the 1048576 bytes an upload may have (IMPORT_MAX_MB)',
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      },
    });
    expect(await count()).toBe(before);
  });

  it('a large file runs as an import job: importProgress follows it to the end, importJob tells its result', async () => {
    const csv = csvOf(120, ', en längre anteckning så att filen blir stor');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(8 * 1024);
    const before = await count();
    const accepted = await upload(csv, {}, TOKENS.skane, 'stor.csv');
    expect(accepted.status).toBe(202);
    expect(accepted.body.job).toMatchObject({ status: 'QUEUED', progress: 0, fileName: 'stor.csv' });
    const id = accepted.body.job.id;

    const client = new WsClient(sut.wsUrl, TOKENS.skane);
    try {
      const sub = client.subscribe(`subscription ($id: ID!) { importProgress(id: $id) { ${JOB_FIELDS} } }`, { id });
      await sub.waitForEnd(30_000);
      expect(sub.errors).toEqual([]);
      const states = sub.received;
      const progress = states.map((s) => s.progress);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(states.at(-1)).toMatchObject({ status: 'FINISHED', progress: 1, result: { created: 120 }, errors: [] });
    } finally {
      await client.dispose();
    }
    expect(await count()).toBe(before + 120);

    const job = dataOf(
      await sut.gql(`query ($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id }, TOKENS.skane),
    );
    expect(job.importJob).toMatchObject({
      id,
      status: 'FINISHED',
      phase: 'done',
      result: { created: 120, unchanged: 0 },
    });
    const other = await sut.gql(`query ($id: ID!) { importJob(id: $id) { id } }`, { id }, TOKENS.stockholm);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Another organisation's ADMIN does not read it either (issue 12).
    const admin = await sut.gql(`query ($id: ID!) { importJob(id: $id) { id } }`, { id }, TOKENS.admin);
    expect(admin.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The same large file again, in the background too: nothing new.
    const again = await upload(csv, { background: 'true' });
    await waitFor(async () => {
      const state = dataOf(
        await sut.gql(
          `query ($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`,
          { id: again.body.job.id },
          TOKENS.skane,
        ),
      ).importJob;
      return state.status === 'FINISHED' ? state : null;
    }).then((state) => expect(state.result).toEqual({ created: 0, unchanged: 120 }));
    expect(await count()).toBe(before + 120);
  }, 60_000);

  it('a job whose instance stopped (silent for three heartbeats) reads FAILED, and importProgress ends with it', async () => {
    const organisationId = dataOf(await sut.gql('{ me { organisation { id } } }', {}, TOKENS.skane)).me.organisation
      .id as string;
    // Rows as an instance leaves them when it is killed mid-import: unfinished, nobody running them.
    const orphan = async (heartbeatAt: string) => {
      const id = randomUUID();
      await sut.dataSource.getRepository(ImportJobEntity).insert({
        id,
        createdAt: heartbeatAt,
        updatedAt: heartbeatAt,
        organisationId,
        principalId: null,
        status: 'QUEUED',
        progress: 0,
        fileName: 'avbruten.csv',
        dryRun: false,
        onExisting: 'REJECT',
        result: null,
        failure: null,
        heartbeatAt,
      });
      return id;
    };
    const long = await orphan(new Date(Date.now() - 3_600_000).toISOString());
    const job = dataOf(
      await sut.gql(`query ($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id: long }, TOKENS.skane),
    ).importJob;
    expect(job).toMatchObject({ status: 'FAILED', phase: 'done', result: null });
    expect(job.failure).toMatch(/stopped before it finished .* nothing of it was stored: upload it again/);

    // Alive a moment ago: QUEUED at first, FAILED once three heartbeats (600 ms here) pass in silence.
    const recent = await orphan(new Date().toISOString());
    const client = new WsClient(sut.wsUrl, TOKENS.skane);
    try {
      const sub = client.subscribe(`subscription ($id: ID!) { importProgress(id: $id) { ${JOB_FIELDS} } }`, {
        id: recent,
      });
      await sub.waitForEnd(10_000);
      expect(sub.errors).toEqual([]);
      expect(sub.received.map((s) => s.status)).toEqual(['QUEUED', 'FAILED']);
    } finally {
      await client.dispose();
    }
  });

  it('two uploads of the same file at the same time store it once', async () => {
    const csv = csvOf(10);
    const before = await count();
    const results = await Promise.all([upload(csv), upload(csv), upload(csv)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.created + r.body.unchanged)).toEqual([10, 10, 10]);
    expect(await count()).toBe(before + 10);
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
