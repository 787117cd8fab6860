// Building blocks of `npm run bench` (bench/run.mjs), each usable alone: the e2e test
// test/bench.e2e-spec.ts runs them at a tiny scale so CI exercises the code without timing it.
// Everything runs against the BUILT service (dist/), on SQLite files under a temporary folder.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const MAIN = join(ROOT, 'dist', 'main.js');

/** The environment of every child: SQLite at `file`, no seeding at start, no rate limit (it would throttle the load). */
export function serviceEnv(file, extra = {}) {
  const env = {
    ...process.env,
    DATABASE_PATH: file,
    SEED_ON_START: 'false',
    DEMO_DATA: 'false',
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    INTROSPECTION: 'true',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  return env;
}

function cli(file, args) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: serviceEnv(file),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Generates a dataset at `scale` into a fresh SQLite file; returns the wall time in seconds and the CLI's summary. */
export function generateDataset(file, scale, seed = 1) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const started = performance.now();
  const out = cli(file, ['generate', '--scale', String(scale), '--seed', String(seed)]);
  return { seconds: (performance.now() - started) / 1000, summary: out.trim() };
}

/** Creates a token with the CLI (as an operator would) and returns it. */
export function createToken(file, organisation, role, name = 'Bench') {
  const out = cli(file, ['token', 'create', '--organisation', organisation, '--role', role, '--name', name]);
  return /kk_[A-Za-z0-9_-]{43}/.exec(out)[0];
}

async function waitForUrl(url, child, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the process exited with ${child.exitCode} before it answered ${url}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function freePort() {
  return 20_000 + Math.floor(Math.random() * 20_000);
}

function stopper(child) {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 10_000).unref();
    });
}

/** Starts the service (node dist/main.js) on the file; resolves when /health/ready answers. */
export async function startService(file, extraEnv = {}, nodeArgs = []) {
  const port = freePort();
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: serviceEnv(file, { PORT: String(port), HOST: '127.0.0.1', ...extraEnv }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  try {
    await waitForUrl(`http://127.0.0.1:${port}/health/ready`, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${stderr}`, { cause: error });
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid: child.pid,
    stop: stopper(child),
  };
}

/** Starts the raw baseline (bench/raw-server.mjs) on the file. */
export async function startRawServer(file) {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'raw-server.mjs'), file, '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(Number(/listening (\d+)/.exec(String(d))?.[1])));
    child.once('exit', (code) => reject(new Error(`raw server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child) };
}

/** Products to look up: those of random follow-ups, so popular products come up as often as they are followed up. */
export function sampleProducts(file, n = 500) {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare('SELECT product_id AS id FROM follow_ups WHERE product_id IS NOT NULL ORDER BY random() LIMIT ?')
      .all(n)
      .map((r) => r.id);
  } finally {
    db.close();
  }
}

/** A region's contracts, to evaluate products against. */
export function contractsOf(file, organisationCode) {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT c.id FROM contracts c JOIN organisations o ON o.id = c.organisation_id WHERE o.code = ? ORDER BY c.id',
      )
      .all(organisationCode)
      .map((r) => r.id);
  } finally {
    db.close();
  }
}

export const LOOKUP = `query Lookup($productId: ID!) { followUps(filter: {productId: $productId}) { totalCount nodes {
  id method status performedOn organisation { name } measurements { part value loq unit detected substance { casNumber name } } } } }`;
export const EVALUATE = `query Evaluate($productId: ID!, $contractId: ID!) { evaluateProduct(productId: $productId, contractId: $contractId) {
  verdict requirements { requirement { code } verdict parts { part verdict } } } }`;

export async function gql(url, token, query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function raw(url, token, path) {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`raw ${path}: HTTP ${res.status}`);
  return (await res.json()).data;
}

/**
 * Checks that the service and the baseline give the same answers for some products (the same
 * follow-ups in the same order, the same measurements; the same verdicts), so the comparison is
 * one of equal work.
 */
export async function compareAnswers(service, baseline, token, products, contracts) {
  let compared = 0;
  for (const [i, productId] of products.entries()) {
    const a = (await gql(service.url, token, LOOKUP, { productId })).followUps;
    const b = (await raw(baseline.url, token, `/lookup?productId=${productId}`)).followUps;
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(
        `lookup of ${productId}: the service and the baseline differ:\n${JSON.stringify(a).slice(0, 500)}\n${JSON.stringify(b).slice(0, 500)}`,
      );
    if (contracts.length) {
      const contractId = contracts[i % contracts.length];
      const e = (await gql(service.url, token, EVALUATE, { productId, contractId })).evaluateProduct;
      const f = (await raw(baseline.url, token, `/evaluate?productId=${productId}&contractId=${contractId}`))
        .evaluateProduct;
      if (JSON.stringify(e) !== JSON.stringify(f))
        throw new Error(
          `evaluation of ${productId} against ${contractId}: the service and the baseline differ:\n${JSON.stringify(e).slice(0, 500)}\n${JSON.stringify(f).slice(0, 500)}`,
        );
    }
    compared++;
  }
  return compared;
}

/** Runs autocannon with requests that cycle through `makeRequest(i)`; returns throughput and latency. */
export async function load({ url, token, makeRequest, connections = 10, duration = 10 }) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, ...makeRequest(i++) }) }],
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export const lookupRequests = {
  graphql: (products) => (i) => ({
    method: 'POST',
    path: '/graphql',
    body: JSON.stringify({ query: LOOKUP, variables: { productId: products[i % products.length] } }),
  }),
  raw: (products) => (i) => ({ method: 'GET', path: `/lookup?productId=${products[i % products.length]}` }),
};
export const evaluateRequests = {
  graphql: (products, contracts) => (i) => ({
    method: 'POST',
    path: '/graphql',
    body: JSON.stringify({
      query: EVALUATE,
      variables: { productId: products[i % products.length], contractId: contracts[i % contracts.length] },
    }),
  }),
  raw: (products, contracts) => (i) => ({
    method: 'GET',
    path: `/evaluate?productId=${products[i % products.length]}&contractId=${contracts[i % contracts.length]}`,
  }),
};

/** Several `load` results of the same length as one: total requests over total time, the median p50, the highest p99. */
export function combine(runs, duration) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const requests = runs.reduce((n, x) => n + x.requests, 0);
  return {
    requests,
    rps: requests / (duration * runs.length),
    p50: median(runs.map((x) => x.p50)),
    p99: Math.max(...runs.map((x) => x.p99)),
    errors: runs.reduce((n, x) => n + x.errors, 0),
  };
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

// Completed lab analyses, so that both pages have measurements (a page without any would skip the substance query).
export const NESTED = `query ($first: Int!) { followUps(first: $first, filter: {method: LAB_ANALYSIS, status: COMPLETED}) { totalCount nodes {
  id product { name supplier { name } category { code } } supplier { name } organisation { name }
  measurements { value unit substance { casNumber name } } deviations { severity requirement { code } } requirements { code }
} } }`;

/**
 * (b) SQL statements per request for a nested followUps page of 10 and of 100, counted in
 * process through TypeORM's logger, as test/helpers/test-app.ts does.
 */
export async function countStatements(file, token) {
  Object.assign(process.env, serviceEnv(file));
  const { createApp } = await import('../dist/bootstrap.js');
  const { DataSource } = await import('typeorm');
  const app = await createApp({ seed: false, logger: false });
  await app.listen(0, '127.0.0.1');
  try {
    const url = `http://127.0.0.1:${app.getHttpServer().address().port}/graphql`;
    const logger = app.get(DataSource).logger;
    let n = 0;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, ...rest) => {
      if (!/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) n++;
      return original(query, ...rest);
    };
    const counts = {};
    for (const first of [10, 100]) {
      n = 0;
      const data = await gql(url, token, NESTED, { first });
      counts[first] = {
        statements: n,
        nodes: data.followUps.nodes.length,
        measurements: data.followUps.nodes.reduce((s, f) => s + f.measurements.length, 0),
      };
    }
    return counts;
  } finally {
    await app.close();
  }
}

/**
 * A CSV of `followUps` follow-ups with `perFollowUp` measurements each (K-PHT-01 phthalates, mg/kg),
 * on products of the database, for region Stockholm; built with the import's own formatter.
 */
export async function importFile(file, followUps, perFollowUp) {
  const { formatFollowUpCsv, CSV_COLUMNS } = await import('../dist/import/follow-up-csv.js');
  const db = new Database(file, { readonly: true });
  const products = db
    .prepare('SELECT id FROM products ORDER BY id LIMIT 2000')
    .all()
    .map((r) => r.id);
  const cas = db
    .prepare(
      "SELECT s.cas_number AS cas FROM requirement_substances rs JOIN requirements r ON r.id = rs.requirement_id JOIN substances s ON s.id = rs.substance_id WHERE r.code = 'K-PHT-01' ORDER BY 1",
    )
    .all()
    .map((r) => r.cas);
  db.close();
  const blank = Object.fromEntries(CSV_COLUMNS.map((c) => [c, '']));
  const rows = [];
  for (let i = 0; i < followUps; i++) {
    const common = {
      ...blank,
      follow_up_key: `b${i}`,
      product_id: products[i % products.length],
      requirement_codes: 'K-PHT-01',
      method: 'LAB_ANALYSIS',
      status: 'COMPLETED',
      performed_on: '2025-03-01',
      visibility: 'SHARED',
      laboratory: 'Eurofins',
      report_reference: `B-${i}`,
    };
    for (let k = 0; k < perFollowUp; k++) {
      const detected = (i + k) % 4 === 0;
      rows.push({
        ...common,
        substance_cas: cas[k % cas.length],
        part: `Del ${k % 3}`,
        detected: String(detected),
        value: detected ? String(10 + ((i * 7 + k) % 900)) : '',
        loq: detected ? '' : '5',
        unit: 'MG_PER_KG',
        analytical_method: 'GC-MS',
      });
    }
  }
  return formatFollowUpCsv(rows);
}

/** (c) The service's import of the CSV (parse, check, write; in process, one transaction), timed. */
export async function importThroughService(file, csv) {
  Object.assign(process.env, serviceEnv(file));
  const [{ NestFactory }, { AppModule }, { FollowUpImportService }] = await Promise.all([
    import('@nestjs/core'),
    import('../dist/app.module.js'),
    import('../dist/import/follow-up-import.service.js'),
  ]);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const started = performance.now();
    const outcome = await app
      .get(FollowUpImportService)
      .importCsv(csv, { principal: null, defaultOrganisationCode: 'region-stockholm' });
    const seconds = (performance.now() - started) / 1000;
    if (!outcome.imported) throw new Error(`the import was refused: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    return { seconds, followUps: outcome.followUps, measurements: outcome.measurements };
  } finally {
    await app.close();
  }
}

/**
 * (c) The baseline: the same rows (follow-ups, requirement links, measurements, events), built
 * beforehand, written with raw prepared INSERTs in one transaction; only the transaction is timed.
 */
export async function importRaw(file, csv) {
  const { parseFollowUpCsv } = await import('../dist/import/follow-up-csv.js');
  const { rows } = parseFollowUpCsv(csv);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const org = db.prepare("SELECT id FROM organisations WHERE code = 'region-stockholm'").get().id;
    const req = db.prepare("SELECT id FROM requirements WHERE code = 'K-PHT-01'").get().id;
    const substances = new Map(
      db
        .prepare('SELECT cas_number, id FROM substances')
        .all()
        .map((s) => [s.cas_number, s.id]),
    );
    const suppliers = new Map(
      db
        .prepare('SELECT id, supplier_id FROM products')
        .all()
        .map((p) => [p.id, p.supplier_id]),
    );
    const now = new Date().toISOString();
    const followUps = new Map();
    const measurements = [];
    for (const { values: v } of rows) {
      let f = followUps.get(v.follow_up_key);
      if (!f) followUps.set(v.follow_up_key, (f = { id: randomUUID(), v, n: 0 }));
      const detected = v.detected === 'true';
      measurements.push([
        randomUUID(),
        f.id,
        substances.get(v.substance_cas),
        v.part,
        v.part.toLowerCase(),
        detected ? 1 : 0,
        detected ? Number(v.value) : null,
        detected ? null : Number(v.loq),
        v.unit,
        null,
        v.analytical_method,
        f.n++,
        now,
      ]);
    }
    const insertF = db.prepare(
      'INSERT INTO follow_ups (id, organisation_id, product_id, supplier_id, contract_id, method, performed_on, status, visibility, laboratory, report_reference, valid_until, notes, confidential_notes, retracted_reason, retracted_at, status_before_retraction, version, created_by_principal_id, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, 1, NULL, ?, ?)',
    );
    const insertR = db.prepare('INSERT INTO follow_up_requirements (follow_up_id, requirement_id) VALUES (?, ?)');
    const insertM = db.prepare(
      'INSERT INTO measurements (id, follow_up_id, substance_id, part, part_key, detected, value, loq, unit, uncertainty, analytical_method, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertE = db.prepare(
      "INSERT INTO events (type, occurred_at, actor_principal_id, actor_organisation_id, subject_type, subject_id, follow_up_id, payload) VALUES ('RECORDED', ?, NULL, ?, 'FollowUp', ?, ?, ?)",
    );
    const write = db.transaction(() => {
      for (const { id, v } of followUps.values()) {
        insertF.run(
          id,
          org,
          v.product_id,
          suppliers.get(v.product_id),
          v.method,
          v.performed_on,
          v.status,
          v.visibility,
          v.laboratory,
          v.report_reference,
          '2028-03-01',
          now,
          now,
        );
        insertR.run(id, req);
        insertE.run(now, org, id, id, '{"status":"COMPLETED"}');
      }
      for (const m of measurements) insertM.run(m);
    });
    const started = performance.now();
    write();
    return {
      seconds: (performance.now() - started) / 1000,
      followUps: followUps.size,
      measurements: measurements.length,
    };
  } finally {
    db.close();
  }
}

/**
 * (d) Fan-out: `subscribers` graphql-ws clients subscribe to followUpEvents; one recordFollowUp;
 * the time until the last subscriber has the event. Not measured when the schema has no such
 * subscription (or it needs arguments this bench does not know).
 */
export async function fanOut({
  url,
  wsUrl,
  token,
  subscribers,
  productId,
  requirementCode = 'K-PHT-01',
  timeoutMs = 30_000,
}) {
  const schema = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: '{ __schema { subscriptionType { fields { name args { name type { kind } } } } } }',
    }),
  }).then((r) => r.json());
  const field = schema.data?.__schema?.subscriptionType?.fields?.find((f) => f.name === 'followUpEvents');
  if (!field) return { measured: false, reason: 'the schema has no followUpEvents subscription' };
  if (field.args.some((a) => a.type.kind === 'NON_NULL'))
    return { measured: false, reason: 'followUpEvents needs arguments this bench does not know' };

  const clients = [];
  const arrivals = [];
  let t0 = 0;
  let resolveAll;
  const all = new Promise((r) => (resolveAll = r));
  let subscribed = 0;
  const errors = [];
  try {
    for (let i = 0; i < subscribers; i++) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      clients.push(client);
      let got = false;
      await new Promise((resolve) => {
        const off = client.on('connected', () => {
          off();
          resolve();
        });
        client.on('error', (e) => {
          errors.push(String(e?.message ?? e));
          resolve();
        });
      });
      client.subscribe(
        { query: 'subscription { followUpEvents { __typename } }' },
        {
          next: () => {
            if (got || !t0) return;
            got = true;
            arrivals.push(performance.now() - t0);
            if (arrivals.length === subscribers) resolveAll();
          },
          error: (e) => errors.push(JSON.stringify(e).slice(0, 200)),
          complete: () => undefined,
        },
      );
      subscribed++;
    }
    // Let every subscribe message reach the server before the write.
    await new Promise((r) => setTimeout(r, Math.min(5_000, 500 + subscribers * 2)));
    const requirement = (
      await gql(url, token, '{ requirements(filter: {search: "' + requirementCode + '"}) { nodes { id code } } }')
    ).requirements.nodes.find((r) => r.code === requirementCode);
    t0 = performance.now();
    await gql(url, token, 'mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }', {
      input: {
        productId,
        requirementIds: requirement ? [requirement.id] : [],
        method: 'DOCUMENT_REVIEW',
        performedOn: new Date().toISOString().slice(0, 10),
        status: 'COMPLETED',
        visibility: 'SHARED',
      },
    });
    const written = performance.now() - t0;
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
    const sorted = [...arrivals].sort((a, b) => a - b);
    return {
      measured: true,
      subscribers,
      subscribed,
      received: arrivals.length,
      writeMs: written,
      firstMs: sorted[0] ?? null,
      p50Ms: sorted[Math.floor(sorted.length / 2)] ?? null,
      lastMs: sorted.at(-1) ?? null,
      errors: errors.slice(0, 3),
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
}

/** Machine load, for the report: figures taken on a busy machine are noisy. */
export function machineLoad() {
  const uptime = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
  const cpus = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  return { uptime, cpus };
}

export function copyDatabase(from, to) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  const db = new Database(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  copyFileSync(from, to);
}

export { existsSync };
