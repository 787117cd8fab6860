import Database from 'better-sqlite3';
import pg from 'pg';
import {
  buildDist,
  createToken,
  scratchDatabase,
  startServer,
  type ScratchDatabase,
  type ServerProcess,
} from './helpers/server-process.js';

/**
 * Production mode (issue 7), on the BUILT server started as `NODE_ENV=production node dist/main.js`:
 * no stack traces or internal messages in any response (the error is logged with the request id
 * instead), introspection and the landing page off, one JSON object per log line, rate limits per
 * token and per address with the health endpoints exempt.
 */
const PER_TOKEN = 12;
const PER_ADDRESS = 40;

describe('production mode', () => {
  let scratch: ScratchDatabase;
  let server: ServerProcess;
  let token: string;
  let second: string;

  beforeAll(async () => {
    buildDist();
    scratch = await scratchDatabase({
      NODE_ENV: 'production',
      LOG_LEVEL: 'log',
      RATE_LIMIT_PER_TOKEN: String(PER_TOKEN),
      RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
    });
    server = await startServer(scratch.env); // seeds the reference data (never demo data in production)
    token = createToken(scratch.env, 'region-skane', 'ADMIN');
    second = createToken(scratch.env, 'region-stockholm', 'READER');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await scratch?.drop();
  });

  const clean = (body: unknown) => {
    const text = JSON.stringify(body);
    expect(text).not.toMatch(
      /stacktrace|node_modules|\bat .+\.js:\d+|SQLITE_|QueryFailedError|no such table|relation .* does not exist|SELECT /i,
    );
  };

  it('has no demo tokens and serves its own', async () => {
    expect((await server.gql('{ suppliers { totalCount } }', {}, 'kk_demo_admin')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await server.gql('{ substances(first: 1) { totalCount } }', {}, token)).data.substances.totalCount,
    ).toBeGreaterThan(50);
  });

  it('refuses introspection and serves no landing page', async () => {
    const r = await server.gql('{ __schema { queryType { name } } }', {}, token);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql|<html/i);
  });

  it('answers malformed JSON with a clean 400', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers an unexpected failure without internals, and logs it as JSON with the request id', async () => {
    // Break the database under the running server: the next read of suppliers fails inside the driver.
    const table = 'suppliers';
    await alterTable(scratch, `ALTER TABLE ${table} RENAME TO ${table}_away`);
    try {
      const r = await server.gql('{ suppliers { totalCount } }', {}, token, { 'x-request-id': 'prod-trace-1' });
      expect(r.headers.get('x-request-id')).toBe('prod-trace-1');
      expect(r.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(r.errors?.[0]?.message).toMatch(/^Internal server error \(error id [0-9a-f-]{36}\)$/);
      clean(r);
      const errorId = r.errors?.[0]?.extensions?.errorId as string;
      await new Promise((resolve) => setTimeout(resolve, 200));
      const logged = lines(server.stdout()).find((l) => l.level === 'error' && String(l.message).includes(errorId));
      expect(logged).toMatchObject({ requestId: 'prod-trace-1', context: 'GraphQL' });
    } finally {
      await alterTable(scratch, `ALTER TABLE ${table}_away RENAME TO ${table}`);
    }
  });

  it('writes every log line as one JSON object with time, level, context and message', () => {
    const out = server.stdout().trim().split('\n');
    expect(out.length).toBeGreaterThan(3);
    for (const line of lines(server.stdout())) {
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
      expect(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']).toContain(line.level);
      expect(typeof line.message).toBe('string');
    }
    expect(lines(server.stdout()).some((l) => l.context === 'Bootstrap' && /listening/.test(l.message))).toBe(true);
  });

  it(`limits each token to ${PER_TOKEN} requests a window, GraphQL and import uploads together, then 429 with a clear error`, async () => {
    const answers = [];
    for (let i = 0; i < PER_TOKEN + 1; i++) answers.push(await server.gql('{ __typename }', {}, second));
    expect(answers.slice(0, PER_TOKEN).every((a) => a.status === 200)).toBe(true);
    const refused = answers[PER_TOKEN]!;
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'RATE_LIMITED', limit: 'perToken', max: PER_TOKEN },
    });
    expect(refused.errors?.[0]?.message).toMatch(/Rate limit exceeded: at most 12 requests per 60 s from this token/);
    // The import upload counts against the same budget: a file is refused like an operation.
    const form = new FormData();
    form.append('file', new Blob(['product_gtin;method\n'], { type: 'text/csv' }), 'rows.csv');
    const upload = await fetch(server.url.replace('/graphql', '/imports'), {
      method: 'POST',
      headers: { authorization: `Bearer ${second}` },
      body: form,
    });
    expect(upload.status).toBe(429);
    expect(((await upload.json()) as { errors: { extensions: unknown }[] }).errors[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'perToken',
    });
    // Another token from the same address still gets through (until the address's own budget).
    expect((await server.gql('{ __typename }', {}, token)).status).toBe(200);
  });

  it(`limits each address to ${PER_ADDRESS} requests a window, whatever the tokens`, async () => {
    let refused: Awaited<ReturnType<ServerProcess['gql']>> | null = null;
    for (let i = 0; i < PER_ADDRESS + 1 && !refused; i++) {
      const r = await server.gql('{ __typename }', {}, `kk_made_up_${i}`);
      if (r.status === 429) refused = r;
    }
    expect(refused?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'perAddress' });
    expect((await fetch(server.url.replace('/graphql', '/health/live'))).status).toBe(200);
    const ready = await fetch(server.url.replace('/graphql', '/health/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok' });
  });
});

interface LogLine {
  time: string;
  level: string;
  context?: string;
  message: string;
  requestId?: string;
}

/** Every stdout line parsed as JSON; a line that is not JSON fails the test. */
function lines(stdout: string): LogLine[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

async function alterTable(scratch: ScratchDatabase, sql: string): Promise<void> {
  if (scratch.sqlitePath) {
    const db = new Database(scratch.sqlitePath);
    try {
      db.pragma('busy_timeout = 5000');
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({
    connectionString: process.env.DATABASE_URL,
    options: `-c search_path=${scratch.env.DATABASE_SCHEMA}`,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
