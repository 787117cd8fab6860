import { type INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { validationPipe } from '../../src/common/validation/validation.pipe.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{
    message: string;
    extensions?: { code?: string; field?: string; problems?: Array<{ path: Array<string | number>; reason: string }> };
    path?: string[];
  }>;
}

export interface TestApp {
  app: INestApplication;
  url: string;
  /** The graphql-ws endpoint: ws://127.0.0.1:<port>/graphql. */
  wsUrl: string;
  /** Where the data lives: the PostgreSQL schema or the SQLite file (what `sharing` reuses). */
  database: { schema: string | null; sqlitePath: string | null };
  dataSource: DataSource;
  /** POST a GraphQL operation; `token` is sent as a bearer token. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** Counts the SQL statements run while `fn` runs (not those of timers: see BACKGROUND). */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/**
 * Statements that run on timers, not for a request: the event feed's poll of the log's head (every
 * EVENTS_POLL_MS while anything listens; the token cache always does) and the token cache's look at
 * a new stretch of the log. A count of a request's statements leaves them out.
 */
const BACKGROUND = /^SELECT (MAX\(seq\) AS head|1 AS hit) FROM events\b/;

/** Demo tokens loaded with the demo data (see src/seeding/demo-tokens.ts). */
export const TOKENS = {
  admin: 'kk_demo_admin',
  coordinator: 'kk_demo_coordinator',
  skane: 'kk_demo_skane',
  stockholm: 'kk_demo_stockholm',
  reader: 'kk_demo_reader',
  /** A member of the demo supplier Lekverket Nordic AB (role SUPPLIER). */
  supplier: 'kk_demo_supplier',
} as const;

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/** Runs SQL on the PostgreSQL server named by DATABASE_URL, outside the application. */
export async function onPostgres(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts the real application (same bootstrap as `npm start`: migrations, seeds, pipes, guards)
 * on a fresh database: a temporary SQLite file, or the PostgreSQL database in DATABASE_URL.
 *
 * `sharing: other` starts a second instance on the other app's database instead (same PostgreSQL
 * schema or SQLite file; it neither seeds again nor drops it on close), as several instances of
 * the service would run. `env` is set before the app reads its configuration (e.g. REDIS_URL).
 */
export async function startTestApp(
  options: { demo?: boolean; sharing?: TestApp; env?: Record<string, string | undefined> } = {},
): Promise<TestApp> {
  let tempDir: string | null = null;
  let schema: string | null = null;
  let sqlitePath: string | null = null;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (options.sharing) {
    const shared = options.sharing.database;
    if (shared.schema) process.env.DATABASE_SCHEMA = shared.schema;
    if (shared.sqlitePath) process.env.DATABASE_PATH = shared.sqlitePath;
  } else if (usingPostgres()) {
    // Each suite gets its own schema, so suites can run side by side on one database.
    schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await onPostgres(`CREATE SCHEMA ${schema}`);
    process.env.DATABASE_SCHEMA = schema;
  } else {
    tempDir = mkdtempSync(join(tmpdir(), 'kemkollen-test-'));
    sqlitePath = join(tempDir, 'test.sqlite');
    process.env.DATABASE_PATH = sqlitePath;
  }
  process.env.DEMO_DATA = options.demo === false ? 'false' : 'true';
  process.env.LOG_LEVEL = 'error';
  const app = await createApp({ seed: !options.sharing, logger: false });
  // Every argument the planned validation accepts is also validated the whole way and compared.
  validationPipe.crossCheck = true;
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}/graphql`;
  const wsUrl = `ws://127.0.0.1:${address.port}/graphql`;
  const database = options.sharing?.database ?? { schema, sqlitePath };
  const dataSource = app.get(DataSource);

  let counter: ((sql: string) => void) | null = null;
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    counter?.(query);
    return original(query, parameters, runner);
  };

  return {
    app,
    url,
    wsUrl,
    database,
    dataSource,
    async gql(query, variables, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as GraphQLResponse;
      return { ...body, status: res.status };
    },
    async countStatements(fn) {
      let n = 0;
      counter = (sql) => {
        if (!/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql) && !BACKGROUND.test(sql)) n++;
      };
      try {
        await fn();
      } finally {
        counter = null;
      }
      return n;
    },
    async close() {
      await app.close();
      if (schema) await onPostgres(`DROP SCHEMA ${schema} CASCADE`);
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** The error code of the first error, for terse assertions. */
export const codeOf = (r: GraphQLResponse): string | undefined => r.errors?.[0]?.extensions?.code;
