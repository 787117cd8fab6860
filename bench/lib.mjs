// Building blocks of `npm run bench` (bench/run.mjs), each usable alone: the e2e test
// test/bench.e2e-spec.ts runs them at a tiny scale so CI exercises the code without timing it.
// Everything runs against the BUILT service (dist/), on SQLite files under a temporary folder, and
// for the peer row on a PostgreSQL schema of the bench's own.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { mulberry32 } from '../dist/dataset/dataset-generator.js';
import { outsideContract } from '../dist/evaluation/contract-scope.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const MAIN = join(ROOT, 'dist', 'main.js');

// ---------------------------------------------------------------------------------------------
// Databases: a SQLite file (a string) or a PostgreSQL schema ({ url, schema }).

/** The environment of every child: the database, no seeding at start, no rate limit (it would throttle the load). */
export function serviceEnv(db, extra = {}) {
  const env = {
    ...process.env,
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
  delete env.DATABASE_PATH;
  delete env.REDIS_URL;
  if (typeof db === 'string') env.DATABASE_PATH = db;
  else Object.assign(env, { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema });
  return env;
}

function cli(db, args, extraEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: serviceEnv(db, extraEnv),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Runs SQL on PostgreSQL (the bench's own connection, outside the service). */
export async function onPostgres(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The PostgreSQL server of DATABASE_URL (or the local default) if it answers, else null. */
export async function postgresUrl() {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  try {
    await onPostgres(url, 'SELECT 1');
    return url;
  } catch {
    return null;
  }
}

/** Rows of a read on either engine (the bench's own reads: products to draw, contracts, counts); `?` placeholders. */
async function read(db, sql, params = []) {
  if (typeof db !== 'string') {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${db.schema}`);
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    } finally {
      await client.end();
    }
  }
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare(sql).all(...params);
  } finally {
    sqlite.close();
  }
}

/** Generates a dataset at `scale` into a fresh SQLite file or PostgreSQL schema; returns the wall time in seconds and the CLI's summary. */
export async function generateDataset(db, scale, seed = 1) {
  if (typeof db === 'string') for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  else await onPostgres(db.url, `DROP SCHEMA IF EXISTS ${db.schema} CASCADE; CREATE SCHEMA ${db.schema}`);
  const started = performance.now();
  const out = cli(db, ['generate', '--scale', String(scale), '--seed', String(seed)]);
  return { seconds: (performance.now() - started) / 1000, summary: out.trim() };
}

/** True when the database already holds a generated dataset (for --reuse). */
export async function hasDataset(db) {
  if (typeof db === 'string') return existsSync(db);
  try {
    return (await read(db, 'SELECT COUNT(*) AS n FROM follow_ups'))[0].n > 0;
  } catch {
    return false;
  }
}

/** Creates a token with the CLI (as an operator would) and returns it. */
export function createToken(db, organisation, role, name = 'Bench') {
  const out = cli(db, ['token', 'create', '--organisation', organisation, '--role', role, '--name', name]);
  return /kk_[A-Za-z0-9_-]{43}/.exec(out)[0];
}

// ---------------------------------------------------------------------------------------------
// Processes.

async function waitForUrl(url, child, timeoutMs = 90_000) {
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

/** Starts the service (node dist/main.js) on the database; resolves when /health/ready answers. */
export async function startService(db, extraEnv = {}, nodeArgs = [], attempts = 5) {
  try {
    return await startServiceOnce(db, extraEnv, nodeArgs);
  } catch (error) {
    // A random port another process took meanwhile: another one.
    if (attempts > 1 && /EADDRINUSE/.test(error.message)) return startService(db, extraEnv, nodeArgs, attempts - 1);
    throw error;
  }
}

async function startServiceOnce(db, extraEnv, nodeArgs) {
  const port = freePort();
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: serviceEnv(db, { PORT: String(port), HOST: '127.0.0.1', ...extraEnv }),
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

/** Starts a node script that prints "listening <port>" when ready. */
async function startScript(script, args, options = {}) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const port = /listening (\d+)/.exec(String(d))?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { port, pid: child.pid, stop: stopper(child) };
}

/** Starts the raw baseline (bench/raw-server.mjs) on the SQLite file. */
export async function startRawServer(file, { stablePlans = false } = {}) {
  const env = { ...process.env };
  if (stablePlans) env.RAW_STABLE_PLANS = '1';
  else delete env.RAW_STABLE_PLANS;
  const { port, pid, stop } = await startScript(join(ROOT, 'bench', 'raw-server.mjs'), [file, '0'], { env });
  return { url: `http://127.0.0.1:${port}`, pid, stop };
}

// ---------------------------------------------------------------------------------------------
// What is looked up: products drawn uniformly, from the popular head, or each one once (cold).

/** The dataset generator's seeded PRNG: the same seed gives the same draw to every target of a round. */
export const rng = mulberry32;

/** The i-th request's pick from `items`, the same for every target given the same seed. */
export function draw(items, seed) {
  return (i) => items[Math.floor(rng((seed * 2654435761 + i * 40503) >>> 0)() * items.length)];
}

/** `items` in an order that depends only on the seed (Fisher–Yates). */
export function shuffled(items, seed) {
  const out = [...items];
  const next = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every product id (a region looks up its own product: any of them, most with few follow-ups). */
export async function allProducts(db) {
  return (await read(db, 'SELECT id FROM products ORDER BY id')).map((r) => r.id);
}

/** The `n` most followed-up products (the popular head). */
export async function popularProducts(db, n = 50) {
  return (
    await read(
      db,
      'SELECT product_id AS id FROM follow_ups WHERE product_id IS NOT NULL GROUP BY product_id ORDER BY COUNT(*) DESC, product_id LIMIT ?',
      [n],
    )
  ).map((r) => r.id);
}

/** Follow-ups per product: the median over all products and the range of the popular head (what the draws meet). */
export async function productShape(db, head) {
  const counts = (
    await read(
      db,
      'SELECT COUNT(f.id) AS n FROM products p LEFT JOIN follow_ups f ON f.product_id = p.id GROUP BY p.id ORDER BY 1',
    )
  ).map((r) => Number(r.n));
  const headCounts = counts.slice(-head);
  return {
    products: counts.length,
    medianFollowUps: counts[Math.floor(counts.length / 2)],
    withNone: counts.filter((n) => n === 0).length,
    headMin: headCounts[0],
    headMax: headCounts.at(-1),
  };
}

/**
 * What a region evaluates: each product of its contracts (the contract's supplier's, in its categories
 * or below them: src/evaluation/contract-scope.ts) with the contract, as `{ productId, contractId }`.
 */
export async function evaluationPairs(db, organisationCode) {
  const contracts = await read(
    db,
    'SELECT c.id, c.supplier_id FROM contracts c JOIN organisations o ON o.id = c.organisation_id WHERE o.code = ? ORDER BY c.id',
    [organisationCode],
  );
  if (!contracts.length) return [];
  const named = await read(db, 'SELECT contract_id, category_id FROM contract_categories');
  const parentOf = new Map(
    (await read(db, 'SELECT id, parent_id FROM product_categories')).map((r) => [r.id, r.parent_id]),
  );
  const products = await read(db, 'SELECT id, supplier_id, category_id FROM products ORDER BY id');
  const pairs = [];
  for (const c of contracts) {
    const categoryIds = named.filter((n) => n.contract_id === c.id).map((n) => n.category_id);
    for (const p of products)
      if (
        !outsideContract(
          { supplierId: p.supplier_id, categoryId: p.category_id },
          { supplierId: c.supplier_id, categoryIds },
          parentOf,
        )
      )
        pairs.push({ productId: p.id, contractId: c.id });
  }
  return pairs;
}

export async function organisationId(db, code) {
  return (await read(db, 'SELECT id FROM organisations WHERE code = ?', [code]))[0].id;
}

// ---------------------------------------------------------------------------------------------
// Requests.

export const LOOKUP = `query Lookup($productId: ID!) { followUps(filter: {productId: $productId}) { totalCount nodes {
  id method status performedOn organisation { name } measurements { part value loq unit detected substance { casNumber name } } } } }`;
export const EVALUATE = `query Evaluate($productId: ID!, $contractId: ID!) { evaluateProduct(productId: $productId, contractId: $contractId) {
  verdict requirements { requirement { code } verdict parts { part verdict } } } }`;
/** The same lookup in PostGraphile's schema (its names for the same tables and relations). */
export const PEER_LOOKUP = `query Lookup($productId: String!) { allFollowUps(condition: {productId: $productId}, first: 20, orderBy: [PERFORMED_ON_DESC, ID_ASC]) {
  totalCount nodes { id method status performedOn organisationByOrganisationId { name }
  measurementsByFollowUpId(orderBy: POSITION_ASC) { nodes { part value loq unit detected substanceBySubstanceId { casNumber name } } } } } }`;
export const EMPTY = '{ __typename }';

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

/** PostGraphile's answer in the service's shape, to compare the two. */
export function fromPeer(data) {
  const page = data.allFollowUps;
  return {
    totalCount: page.totalCount,
    nodes: page.nodes.map((n) => ({
      id: n.id,
      method: n.method,
      status: n.status,
      performedOn: n.performedOn,
      organisation: n.organisationByOrganisationId,
      measurements: n.measurementsByFollowUpId.nodes.map((m) => ({
        part: m.part,
        value: m.value,
        loq: m.loq,
        unit: m.unit,
        detected: m.detected,
        substance: m.substanceBySubstanceId,
      })),
    })),
  };
}

const differ = (what, a, b) =>
  new Error(`${what}: the answers differ:\n${JSON.stringify(a).slice(0, 500)}\n${JSON.stringify(b).slice(0, 500)}`);

/**
 * Checks that the service and the baseline give the same answers for some products (the same
 * follow-ups in the same order, the same measurements; the same verdicts), so the comparison is
 * one of equal work.
 */
export async function compareAnswers(service, baseline, token, products, pairs) {
  let compared = 0;
  const pickPair = draw(pairs, 5);
  for (const [i, productId] of products.entries()) {
    const a = (await gql(service.url, token, LOOKUP, { productId })).followUps;
    const b = (await raw(baseline.url, token, `/lookup?productId=${productId}`)).followUps;
    if (JSON.stringify(a) !== JSON.stringify(b)) throw differ(`lookup of ${productId}`, a, b);
    if (pairs.length) {
      const pair = pickPair(i);
      const e = (await gql(service.url, token, EVALUATE, pair)).evaluateProduct;
      const f = (await raw(baseline.url, token, `/evaluate?productId=${pair.productId}&contractId=${pair.contractId}`))
        .evaluateProduct;
      if (JSON.stringify(e) !== JSON.stringify(f))
        throw differ(`evaluation of ${pair.productId} against ${pair.contractId}`, e, f);
    }
    compared++;
  }
  return compared;
}

/** The same check between the service and PostGraphile (on the same PostgreSQL data). */
export async function comparePeer(service, token, peer, jwt, products) {
  let compared = 0;
  for (const productId of products) {
    const a = (await gql(service.url, token, LOOKUP, { productId })).followUps;
    const b = fromPeer(await gql(peer.url, jwt, PEER_LOOKUP, { productId }));
    if (JSON.stringify(a) !== JSON.stringify(b)) throw differ(`lookup of ${productId} (service vs PostGraphile)`, a, b);
    compared++;
  }
  return compared;
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; clock ticks of 10 ms). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Runs autocannon with requests made by `makeRequest(i)`; returns throughput and latency, and with
 * `pid` the CPU time the target spent per request (steadier than throughput on a shared machine:
 * waiting for the CPU does not count). With `amount`, that many requests instead of `duration` seconds.
 */
export async function load({ url, token, makeRequest, connections = 10, duration = 10, pid, amount }) {
  let i = 0;
  const cpuBefore = pid ? cpuSeconds(pid) : null;
  const started = performance.now();
  let lastResponse = started;
  const run = autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration }),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, ...makeRequest(i++) }) }],
  });
  run.on('response', () => (lastResponse = performance.now()));
  const result = await run;
  // A run of `amount` requests lasts from the start to its last response (autocannon ends on a whole second).
  const seconds = amount ? (lastResponse - started) / 1000 : duration;
  return {
    requests: result.requests.total,
    seconds,
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    sent: i,
    cpuMsPerRequest:
      cpuBefore !== null && result.requests.total
        ? ((cpuSeconds(pid) - cpuBefore) * 1000) / result.requests.total
        : null,
  };
}

/** A short untimed load (V8 optimises, graphql-jit compiles) before a target is measured. */
export async function warmUp(target, token, makeRequest, seconds = 2) {
  await load({ url: target.url, token, makeRequest, connections: 2, duration: seconds });
}

const graphqlBody = (query, variables) => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

/** Request makers for a sequence of products (`pick(i)`): the service, the raw baseline, PostGraphile. */
export const lookupRequests = {
  graphql: (pick) => (i) => graphqlBody(LOOKUP, { productId: pick(i) }),
  raw: (pick) => (i) => ({ method: 'GET', path: `/lookup?productId=${pick(i)}` }),
  peer: (pick) => (i) => graphqlBody(PEER_LOOKUP, { productId: pick(i) }),
};
/** `pickPair(i)`: the i-th `{ productId, contractId }` of evaluationPairs, drawn. */
export const evaluateRequests = {
  graphql: (pickPair) => (i) => graphqlBody(EVALUATE, pickPair(i)),
  raw: (pickPair) => (i) => {
    const { productId, contractId } = pickPair(i);
    return { method: 'GET', path: `/evaluate?productId=${productId}&contractId=${contractId}` };
  },
};
export const emptyRequests = {
  graphql: () => () => graphqlBody(EMPTY),
  raw: () => () => ({ method: 'GET', path: '/empty' }),
};

/**
 * Several `load` results of the same length as one: total requests over total time, the median p50,
 * the highest p99, CPU per request over all of them.
 */
export function combine(runs, duration) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const requests = runs.reduce((n, x) => n + x.requests, 0);
  const seconds = runs.reduce((n, x) => n + (x.seconds ?? duration), 0);
  const withCpu = runs.filter((x) => x.cpuMsPerRequest !== null && x.cpuMsPerRequest !== undefined);
  return {
    requests,
    rps: requests / seconds,
    p50: median(runs.map((x) => x.p50)),
    p99: Math.max(...runs.map((x) => x.p99)),
    errors: runs.reduce((n, x) => n + x.errors, 0),
    cpuMsPerRequest: withCpu.length
      ? withCpu.reduce((s, x) => s + x.cpuMsPerRequest * x.requests, 0) / withCpu.reduce((s, x) => s + x.requests, 0)
      : null,
  };
}

/**
 * Resets a process's peak resident memory (VmHWM) to its current RSS (Linux: `5` to
 * /proc/<pid>/clear_refs), so that the next peak read is the peak of what follows. False when not
 * permitted (another user's process).
 */
export function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

// ---------------------------------------------------------------------------------------------
// (b) Statements, counted at the driver: every execution of a better-sqlite3 statement and every
// pg query, whoever issues it (TypeORM, the service's own SqlReader, a migration), so nothing that
// reaches the database can be left out by a path that does not report to a logger.

const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)\b/i;

/** Wraps the drivers' execute methods in this process; returns a counter with `reset()`, `count`, `texts`. */
export function countAtDriver() {
  const counter = { count: 0, texts: [], on: false };
  const note = (sql) => {
    if (!counter.on || CONTROL.test(String(sql))) return;
    counter.count++;
    counter.texts.push(String(sql).replace(/\s+/g, ' ').slice(0, 160));
  };
  const probe = new Database(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1'));
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = statementProto[method];
    if (original.__counted) continue;
    statementProto[method] = function (...args) {
      note(this.source);
      return original.apply(this, args);
    };
    statementProto[method].__counted = true;
  }
  const exec = Database.prototype.exec;
  if (!exec.__counted) {
    Database.prototype.exec = function (sql) {
      note(sql);
      return exec.call(this, sql);
    };
    Database.prototype.exec.__counted = true;
  }
  const query = pg.Client.prototype.query;
  if (!query.__counted) {
    pg.Client.prototype.query = function (config, ...rest) {
      note(typeof config === 'string' ? config : config?.text);
      return query.call(this, config, ...rest);
    };
    pg.Client.prototype.query.__counted = true;
  }
  return {
    async during(fn) {
      counter.count = 0;
      counter.texts = [];
      counter.on = true;
      try {
        await fn();
      } finally {
        counter.on = false;
      }
      return { statements: counter.count, texts: [...counter.texts] };
    },
  };
}

// Completed lab analyses, so that both pages have measurements (a page without any would skip the substance query).
export const NESTED = `query ($first: Int!) { followUps(first: $first, filter: {method: LAB_ANALYSIS, status: COMPLETED}) { totalCount nodes {
  id product { name supplier { name } category { code } } supplier { name } organisation { name }
  measurements { value unit substance { casNumber name } } deviations { severity requirement { code } } requirements { code }
} } }`;

/**
 * (b) SQL statements per request, counted at the driver in this process (the service runs here):
 * the empty query with a token seen for the first time and again; a nested followUps page of 10 and
 * of 100; the lookup of a product seen for the first time (cold) and of the same product again (warm).
 */
export async function countStatements(db, token, product) {
  const env = serviceEnv(db);
  for (const key of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATABASE_PATH', 'REDIS_URL']) delete process.env[key];
  Object.assign(process.env, env);
  const driver = countAtDriver();
  const { createApp } = await import('../dist/bootstrap.js');
  const app = await createApp({ seed: false, logger: false });
  await app.listen(0, '127.0.0.1');
  try {
    const url = `http://127.0.0.1:${app.getHttpServer().address().port}/graphql`;
    const counts = {};
    // The token check: read from the database the first time (with the log's head, once per instance), then from memory.
    counts.emptyFirst = await driver.during(() => gql(url, token, EMPTY));
    counts.empty = await driver.during(() => gql(url, token, EMPTY));
    for (const first of [10, 100]) {
      let data;
      const counted = await driver.during(async () => (data = await gql(url, token, NESTED, { first })));
      counts[first] = {
        statements: counted.statements,
        texts: counted.texts,
        nodes: data.followUps.nodes.length,
        measurements: data.followUps.nodes.reduce((s, f) => s + f.measurements.length, 0),
      };
    }
    let page;
    counts.lookupCold = await driver.during(async () => (page = await gql(url, token, LOOKUP, { productId: product })));
    counts.lookupCold.nodes = page.followUps.nodes.length;
    counts.lookupWarm = await driver.during(() => gql(url, token, LOOKUP, { productId: product }));
    return counts;
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (c) Import.

/**
 * A CSV of `followUps` follow-ups with `perFollowUp` measurements each (K-PHT-01 phthalates, mg/kg),
 * on products of the database, for region Stockholm; built with the import's own formatter.
 */
export async function importFile(file, followUps, perFollowUp) {
  const { formatFollowUpCsv, CSV_COLUMNS } = await import('../dist/import/follow-up-csv.js');
  const products = (await read(file, 'SELECT id FROM products ORDER BY id LIMIT 2000')).map((r) => r.id);
  const cas = (
    await read(
      file,
      "SELECT s.cas_number AS cas FROM requirement_substances rs JOIN requirements r ON r.id = rs.requirement_id JOIN substances s ON s.id = rs.substance_id WHERE r.code = 'K-PHT-01' ORDER BY 1",
    )
  ).map((r) => r.cas);
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

function timedChild(args, env) {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}${r.stdout}`);
  return { seconds, stdout: r.stdout };
}

/**
 * (c) The service's import as an operator runs it: `node dist/cli/main.js import <file>`, timed from
 * the start of the process (which reads the file, checks every row, writes in one transaction) to
 * its exit. The CLI's fixed cost (Node, Nest and the database opening) is timed alone too, with a
 * command that does nothing else (`migrate` on a migrated database).
 */
export function importThroughCli(file, csvFile) {
  const env = serviceEnv(file);
  const { seconds, stdout } = timedChild([CLI, 'import', csvFile, '--organisation', 'region-stockholm'], env);
  const m = /Imported (\d+) follow-ups with (\d+) measurements/.exec(stdout);
  if (!m) throw new Error(`the import did not say what it imported:\n${stdout}`);
  const startup = timedChild([CLI, 'migrate'], env).seconds;
  return { seconds, startupSeconds: startup, followUps: Number(m[1]), measurements: Number(m[2]) };
}

/**
 * (c) The baseline, timed the same way: `node bench/raw-import.mjs <csv> <db>` reads and parses the
 * file and writes the same rows (follow-ups, requirement links, measurements, events) with raw
 * prepared INSERTs in one transaction, checking nothing; it reports its transaction's time too.
 */
export function importRaw(file, csvFile) {
  const { seconds, stdout } = timedChild([join(ROOT, 'bench', 'raw-import.mjs'), csvFile, file], process.env);
  return { seconds, ...JSON.parse(stdout) };
}

// ---------------------------------------------------------------------------------------------
// (d) Fan-out.

/** What a live dashboard selects from each event: the follow-up with its product, supplier, organisation and requirements. */
export const FAN_OUT_SUBSCRIPTION = `subscription { followUpEvents { cursor type occurredAt subjectType
  followUp { id method status performedOn visibility product { name gtin } supplier { name } organisation { name } requirements { code } } } }`;

/**
 * (d) Fan-out: `subscribers` graphql-ws clients subscribe to followUpEvents with a realistic
 * selection; one recordFollowUp; the time until the last subscriber has the event.
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
  const clients = [];
  const arrivals = [];
  let t0 = 0;
  let resolveAll;
  const all = new Promise((r) => (resolveAll = r));
  let subscribed = 0;
  const errors = [];
  let sample = null;
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
        { query: FAN_OUT_SUBSCRIPTION },
        {
          next: (value) => {
            if (got || !t0) return;
            got = true;
            if (value.errors?.length) errors.push(JSON.stringify(value.errors).slice(0, 200));
            sample ??= value.data;
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
      payloadBytes: sample ? Buffer.byteLength(JSON.stringify(sample)) : null,
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

// ---------------------------------------------------------------------------------------------
// (g) The peer: PostGraphile v4 on the same PostgreSQL data (bench/postgraphile, its own package).

const PEER_DIR = join(ROOT, 'bench', 'postgraphile');
export const PEER_ROLE = 'kemkollen_bench_viewer';

/** Installs the peer's own dependencies (its lock file) unless they are there. */
export function installPeer() {
  if (existsSync(join(PEER_DIR, 'node_modules', 'postgraphile'))) return;
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ci in bench/postgraphile failed:\n${r.stderr}`);
}

/**
 * The service's visibility rule (a follow-up is seen when SHARED or the viewer's organisation's own;
 * measurements with their follow-up) as row-level security for the role PostGraphile's requests take
 * (from the JWT), plus the index PostGraphile's ordering needs (performed_on DESC NULLS LAST, id):
 * what a team serving this schema with PostGraphile would write. The service connects as the
 * schema's owner, which row-level security does not restrict; it applies the rule in its queries.
 */
export async function preparePeerSchema(db) {
  const s = db.schema;
  await onPostgres(
    db.url,
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PEER_ROLE}') THEN CREATE ROLE ${PEER_ROLE} NOLOGIN; END IF; END $$;
     GRANT USAGE ON SCHEMA ${s} TO ${PEER_ROLE};
     GRANT SELECT ON ${s}.follow_ups, ${s}.measurements, ${s}.substances, ${s}.organisations TO ${PEER_ROLE};
     ALTER TABLE ${s}.follow_ups ENABLE ROW LEVEL SECURITY;
     DROP POLICY IF EXISTS visible ON ${s}.follow_ups;
     CREATE POLICY visible ON ${s}.follow_ups FOR SELECT TO ${PEER_ROLE}
       USING (visibility = 'SHARED' OR organisation_id = current_setting('jwt.claims.organisation_id', true));
     ALTER TABLE ${s}.measurements ENABLE ROW LEVEL SECURITY;
     DROP POLICY IF EXISTS visible ON ${s}.measurements;
     CREATE POLICY visible ON ${s}.measurements FOR SELECT TO ${PEER_ROLE}
       USING (EXISTS (SELECT 1 FROM ${s}.follow_ups f WHERE f.id = follow_up_id));
     CREATE INDEX IF NOT EXISTS bench_peer_follow_ups_order ON ${s}.follow_ups (product_id, performed_on DESC NULLS LAST, id);
     ANALYZE ${s}.follow_ups; ANALYZE ${s}.measurements;`,
  );
}

const base64url = (value) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An HS256 JWT as PostGraphile expects it: the role to take and the viewer's organisation as claims. */
export function peerJwt(secret, organisationId) {
  const head = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({
    role: PEER_ROLE,
    organisation_id: organisationId,
    aud: 'postgraphile',
    exp: Math.floor(Date.now() / 1000) + 24 * 3600,
  })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Starts PostGraphile (bench/postgraphile/server.mjs) on the schema, with as many pooled connections as the service. */
export async function startPeer(db, secret) {
  installPeer();
  const { port, pid, stop } = await startScript(join(PEER_DIR, 'server.mjs'), [db.url, db.schema, secret, '0'], {
    cwd: PEER_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return { url: `http://127.0.0.1:${port}/graphql`, pid, stop };
}

// ---------------------------------------------------------------------------------------------

/** Machine load, for the report: figures taken on a busy machine are noisy. */
// ---------------------------------------------------------------------------------------------
// The OS page cache. On the machines this was measured on the disk reads 30 to 55 MB/s and the page
// cache holds about 5 GB whatever memory is free: a dataset nobody has read lately is served from
// the disk (a first sight of a product at scale 1 took 2.2 ms in its page statement instead of 0.09),
// and whichever target reads a part of the file first warms it for the one that follows. So before
// each round the file is read through once, for every target alike, and what the cache held is reported.

/** The share of `file` in the OS page cache (util-linux `fincore`), or null where it cannot be told. */
export function residentShare(file) {
  const r = spawnSync('fincore', ['--bytes', '--noheadings', '--raw', '--output', 'RES,SIZE', file], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  const [resident, size] = r.stdout.trim().split(/\s+/).map(Number);
  return size ? resident / size : null;
}

/** Reads a SQLite file through (into the OS page cache): the seconds it took, and the share held before and after. */
export function warmFile(file) {
  const before = residentShare(file);
  const started = performance.now();
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
  return { seconds: (performance.now() - started) / 1000, before, after: residentShare(file) };
}

/** Reads the tables and indexes of a PostgreSQL schema into the OS page cache (pg_prewarm), or says why not. */
export async function prewarmPostgres(db) {
  const started = performance.now();
  try {
    await onPostgres(db.url, 'CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    const [{ blocks }] = await onPostgres(
      db.url,
      `SELECT COALESCE(SUM(pg_prewarm(c.oid::regclass, 'read')), 0)::bigint AS blocks FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'i')`,
      [db.schema],
    );
    return { seconds: (performance.now() - started) / 1000, megabytes: (Number(blocks) * 8192) / 2 ** 20 };
  } catch (error) {
    return { seconds: null, failed: error.message };
  }
}

export function machineLoad() {
  const uptime = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
  const vmstat = spawnSync('vmstat', ['1', '3'], { encoding: 'utf8' }).stdout.trim().split('\n');
  const cpus = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  // vmstat's last sample: us sy id wa st.
  const last = vmstat.at(-1)?.trim().split(/\s+/).map(Number) ?? [];
  const head = vmstat[1]?.trim().split(/\s+/) ?? [];
  const at = (name) => last[head.indexOf(name)];
  return { uptime, cpus, vmstat: { r: at('r'), us: at('us'), sy: at('sy'), id: at('id'), wa: at('wa'), st: at('st') } };
}

export function copyDatabase(from, to) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  const db = new Database(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  copyFileSync(from, to);
}

export { existsSync, writeFileSync };
