// npm run bench [-- --quick | --smoke] [--reuse] [--no-peer] [--variant name:ENV=value …] [--only a,b,c,d,g,h]
//                 [--rounds n] [--duration s] [--out <file>] [--data <folder>] [--pg-schema <name>]
//                 [--scales 1,10] [--note <text>]
//
// Builds nothing itself (the npm script builds first). Generates the datasets (SQLite under /tmp;
// PostgreSQL in a schema of the bench's own for the peer row), then measures side by side, in one
// run, and writes a markdown report (bench/report.md) and its figures (report.json):
//   (a) the pre-audit lookup through GraphQL over HTTP against a raw node:http + better-sqlite3
//       handler on the same file, with products drawn uniformly (any product, as a region looks up
//       its own) and from the popular head, reported apart; scale 1 and 10 interleaved round by
//       round, the service and the baseline taking turns; the measurement cache cold (each product
//       seen for the first time), warm (the same products again) and off; evaluateProduct; the
//       uniform draw also against the raw handler with its key placeholders planned once
//       (RAW_STABLE_PLANS, see raw-server.mjs);
//   (b) SQL statements per request, counted at the driver (better-sqlite3, pg);
//   (c) importing 100,000 measurements through the CLI, timed from its start to its exit, against a
//       raw script that reads the same file and INSERTs the same rows;
//   (d) fan-out of one write to 1,000 graphql-ws subscribers that select a realistic payload;
//   (e) the lookup's latency at scale 1 against scale 10;
//   (f) peak RSS of the service under uniform traffic at scale 10 (its peak reset before each round's
//       uniform runs and read after them), and over the whole run;
//   (g) the peer: PostGraphile v4 on the same PostgreSQL data with the visibility rule as row-level
//       security, against the service on PostgreSQL with and without its cache, at 10 and 50
//       connections, in alternating rounds;
//   (h) the fixed cost of a request: `{ __typename }` against the raw handler's token check alone;
//       with --variant name:ENV=value (repeatable), the service against itself with that setting, in
//       alternating rounds, with the lookup too (an A/B of a change that has a switch).
// --quick: small scales and short runs (a smoke run by hand); --smoke: tiny, for the e2e test.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as b from './lib.mjs';
import { render } from './render.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    smoke: { type: 'boolean' },
    reuse: { type: 'boolean' },
    'no-peer': { type: 'boolean' },
    variant: { type: 'string', multiple: true },
    out: { type: 'string' },
    data: { type: 'string' },
    duration: { type: 'string' },
    rounds: { type: 'string' },
    only: { type: 'string' },
    'pg-schema': { type: 'string' },
    // Fewer scales than the mode's (e.g. when the machine cannot generate scale 10 in time): said in the report.
    scales: { type: 'string' },
    // The conditions of the run, printed under the report's title (e.g. why a scale was left out).
    note: { type: 'string' },
  },
});
const MODES = {
  full: {
    scales: [1, 10],
    duration: 10,
    rounds: 3,
    connections: 10,
    peerScale: 1,
    peerConnections: [10, 50],
    head: 50,
    coldRequests: 5_000,
    importFollowUps: 20_000,
    perFollowUp: 5,
    subscribers: 1_000,
    compare: 30,
  },
  quick: {
    scales: [0.05, 0.5],
    duration: 3,
    rounds: 2,
    connections: 10,
    peerScale: 0.05,
    peerConnections: [10, 50],
    head: 50,
    coldRequests: 1_500,
    importFollowUps: 4_000,
    perFollowUp: 5,
    subscribers: 200,
    compare: 10,
  },
  smoke: {
    scales: [0.005, 0.01],
    duration: 0.5,
    rounds: 2,
    connections: 2,
    peerScale: 0.005,
    peerConnections: [2, 4],
    head: 10,
    coldRequests: 30,
    importFollowUps: 100,
    perFollowUp: 5,
    subscribers: 5,
    compare: 3,
  },
};
const modeName = args.smoke ? 'smoke' : args.quick ? 'quick' : 'full';
const mode = {
  ...MODES[modeName],
  ...(args.duration ? { duration: Number(args.duration) } : {}),
  ...(args.rounds ? { rounds: Number(args.rounds) } : {}),
  ...(args.scales ? { scales: args.scales.split(',').map(Number) } : {}),
};
/** Sections to run (--only a,g,…); all by default. */
const only = new Set((args.only ?? 'a,b,c,d,g,h').split(','));
/** --variant name:ENV=value[;ENV=value]: the service with that environment, beside the plain one, in (h). */
const variants = (args.variant ?? []).map((spec) => {
  const [name, settings] = spec.split(/:(.*)/s);
  return [name, Object.fromEntries(settings.split(';').map((kv) => kv.split(/=(.*)/s).slice(0, 2)))];
});
const dataDir = args.data ?? `/tmp/kemkollen-bench-${modeName}`;
const out = args.out ?? join(b.ROOT, 'bench', modeName === 'full' ? 'report.md' : `report-${modeName}.md`);
mkdirSync(dataDir, { recursive: true });
const log = (message) => process.stderr.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${message}\n`);
const ORG = 'region-stockholm';
const pgUrl = args['no-peer'] || !only.has('g') ? null : await b.postgresUrl();

const report = {
  mode: modeName,
  settings: mode,
  note: args.note ?? null,
  scalesLeftOut: MODES[modeName].scales.filter((s) => !mode.scales.includes(s)),
  started: new Date().toISOString(),
  loadBefore: b.machineLoad(),
  node: process.version,
  cpus: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  datasets: {},
  scales: {},
};

// ---------------------------------------------------------------------------------------------
// Datasets.
const sqlite = (scale) => join(dataDir, `scale-${scale}.sqlite`);
const peerDb = pgUrl ? { url: pgUrl, schema: args['pg-schema'] ?? `kemkollen_bench_${modeName}` } : null;
const needSqlite = ['a', 'b', 'd', 'h'].some((x) => only.has(x));
const datasets = needSqlite ? mode.scales.map((scale) => ({ key: String(scale), scale, db: sqlite(scale) })) : [];
if (peerDb) datasets.push({ key: `postgres-${mode.peerScale}`, scale: mode.peerScale, db: peerDb });
for (const { key, scale, db } of datasets) {
  if (args.reuse && (await b.hasDataset(db))) {
    log(`reusing ${typeof db === 'string' ? db : `PostgreSQL schema ${db.schema}`}`);
    report.datasets[key] = { seconds: null, summary: 'reused' };
    continue;
  }
  log(`generating scale ${scale} into ${typeof db === 'string' ? db : `PostgreSQL schema ${db.schema}`}`);
  report.datasets[key] = await b.generateDataset(db, scale);
  log(`  ${report.datasets[key].seconds.toFixed(1)} s`);
}

/** A share as a percentage, or "?" when it could not be told. */
const pct = (share) => (share === null || share === undefined ? '?' : `${Math.round(100 * share)} %`);

/** Runs the targets one after the other, in an order that turns with the round, so none always goes first. */
async function inTurn(round, targets) {
  const results = {};
  const order = targets.map((_, i) => targets[(i + round) % targets.length]);
  for (const [name, fn] of order) results[name] = await fn();
  return results;
}

const run = (label, target, token, makeRequest, connections = mode.connections, amount = undefined) => {
  log(`${label} (${connections} connections, ${amount ? `${amount} requests` : `${mode.duration} s`})`);
  return b.load({ url: target.url, token, makeRequest, connections, duration: mode.duration, pid: target.pid, amount });
};

// ---------------------------------------------------------------------------------------------
// (a), (e), (f): the lookup, both scales interleaved round by round.
if (only.has('a')) {
  const perScale = [];
  try {
    for (const scale of mode.scales) {
      const db = sqlite(scale);
      const all = await b.allProducts(db);
      const head = await b.popularProducts(db, mode.head);
      const s = {
        scale,
        db,
        all,
        head,
        token: b.createToken(db, ORG, 'CONTACT_PERSON'),
        // What ORG evaluates: its contracts' products (a product is evaluated against a contract that covers it).
        evaluations: await b.evaluationPairs(db, ORG),
        // Disjoint slices of one shuffle: each round's cold run meets products its service has never seen.
        coldSlices: [],
        processes: [],
      };
      // A few products warm every instance up (V8, graphql-jit) before the rounds; the cold slices leave them out.
      const shuffledAll = b.shuffled(all, 7);
      s.warmUp = shuffledAll.splice(0, Math.min(50, Math.floor(all.length / 10)));
      const slice = Math.floor(shuffledAll.length / mode.rounds);
      for (let r = 0; r < mode.rounds; r++) s.coldSlices.push(shuffledAll.slice(r * slice, (r + 1) * slice));
      log(`scale ${scale}: starting the service (three instances: cached, cache off, cold/warm) and the baseline`);
      s.service = await b.startService(db);
      s.noCache = await b.startService(db, { MEASUREMENT_CACHE_MB: '0' });
      s.cold = await b.startService(db);
      s.raw = await b.startRawServer(db);
      // The baseline as it could also be written: its key placeholders `+?`, as the service's (see
      // src/database/read/stable-plan.ts), so SQLite does not compile its statements again for every
      // product. Uniform draw only; the target is against the raw handler as first written.
      s.rawStable = await b.startRawServer(db, { stablePlans: true });
      s.processes.push(s.service, s.noCache, s.cold, s.raw, s.rawStable);
      perScale.push(s);
      // Equal work: the same answers for a uniform sample and the head, compared before any load
      // (on the instance with the cache off, so the cold instance stays cold).
      const sample = [...b.shuffled(all, 11).slice(0, mode.compare), ...head.slice(0, Math.ceil(mode.compare / 3))];
      const compared = await b.compareAnswers(s.noCache, s.raw, s.token, sample, s.evaluations);
      report.scales[scale] = {
        products: all.length,
        shape: await b.productShape(db, mode.head),
        contracts: new Set(s.evaluations.map((e) => e.contractId)).size,
        compared,
        rounds: [],
      };
    }
    for (const s of perScale) {
      log(`scale ${s.scale}: warming every instance up`);
      for (const target of [s.service, s.noCache, s.cold])
        await b.warmUp(
          target,
          s.token,
          b.lookupRequests.graphql((i) => s.warmUp[i % s.warmUp.length]),
        );
      for (const target of [s.raw, s.rawStable])
        await b.warmUp(
          target,
          s.token,
          b.lookupRequests.raw((i) => s.warmUp[i % s.warmUp.length]),
        );
    }
    for (let round = 0; round < mode.rounds; round++) {
      for (const [index, s] of perScale.entries()) {
        const seed = 1000 * (round + 1) + index;
        const uniform = b.draw(s.all, seed);
        const popular = b.draw(s.head, seed + 500);
        // Each product of the slice at most once: a fixed number of requests, not a duration.
        const cold = s.coldSlices[round].slice(0, mode.coldRequests);
        const coldPick = (i) => cold[i % cold.length];
        const coldRun = (label, target, make) => run(tag(label), target, s.token, make, mode.connections, cold.length);
        const tag = (what) => `scale ${s.scale}, round ${round + 1}/${mode.rounds}: ${what}`;
        // The file read through first, for every target alike (see warmFile); what the cache still holds after the round too.
        const pageCache = b.warmFile(s.db);
        log(
          `scale ${s.scale}: page cache ${pct(pageCache.before)} of the file before reading it (${pageCache.seconds.toFixed(1)} s), ${pct(pageCache.after)} after`,
        );
        // The peak of the cached instance under uniform traffic alone (the target's condition): its
        // peak reset before this round's uniform runs and read after them, before the popular ones.
        // (A reset forgets the peak so far: it is kept first, for the whole run's.)
        const peakBefore = b.memoryOf(s.service.pid).peakMb;
        const peakReset = b.resetPeak(s.service.pid);
        const r = {
          uniform: await inTurn(round, [
            ['graphql', () => run(tag('uniform, GraphQL'), s.service, s.token, b.lookupRequests.graphql(uniform))],
            [
              'noCache',
              () => run(tag('uniform, GraphQL, cache off'), s.noCache, s.token, b.lookupRequests.graphql(uniform)),
            ],
            ['raw', () => run(tag('uniform, raw'), s.raw, s.token, b.lookupRequests.raw(uniform))],
            [
              'rawStable',
              () => run(tag('uniform, raw, keys planned once'), s.rawStable, s.token, b.lookupRequests.raw(uniform)),
            ],
          ]),
          peakBefore,
          uniformPeak: peakReset ? b.memoryOf(s.service.pid) : null,
          popular: await inTurn(round, [
            ['graphql', () => run(tag('popular, GraphQL'), s.service, s.token, b.lookupRequests.graphql(popular))],
            ['raw', () => run(tag('popular, raw'), s.raw, s.token, b.lookupRequests.raw(popular))],
          ]),
        };
        // Cold first (the instance has never seen these products), then the baseline, then warm (the same again).
        r.cold = {
          cold: await coldRun('cold, GraphQL', s.cold, b.lookupRequests.graphql(coldPick)),
          raw: await coldRun('cold products, raw', s.raw, b.lookupRequests.raw(coldPick)),
          warm: await coldRun('warm (the same again), GraphQL', s.cold, b.lookupRequests.graphql(coldPick)),
          distinct: cold.length,
        };
        r.pageCache = { ...pageCache, afterRound: b.residentShare(s.db) };
        report.scales[s.scale].rounds.push(r);
      }
    }
    for (const s of perScale) {
      const x = report.scales[s.scale];
      const uniformPeaks = x.rounds.map((r) => r.uniformPeak?.peakMb).filter((mb) => mb !== undefined);
      const now = b.memoryOf(s.service.pid);
      x.memory = {
        // Highest over the rounds of the cached instance's peak during the uniform runs alone.
        uniformPeakMb: uniformPeaks.length ? Math.max(...uniformPeaks) : null,
        // Its peak over the whole run: the highest of the peaks kept before each reset and the last one.
        service: { rssMb: now.rssMb, peakMb: Math.max(now.peakMb, ...x.rounds.map((r) => r.peakBefore)) },
        noCache: b.memoryOf(s.noCache.pid),
        cold: b.memoryOf(s.cold.pid),
      };
      for (const draw of ['uniform', 'popular'])
        x[draw] = Object.fromEntries(
          Object.keys(x.rounds[0][draw]).map((k) => [
            k,
            b.combine(
              x.rounds.map((r) => r[draw][k]),
              mode.duration,
            ),
          ]),
        );
      x.coldWarm = Object.fromEntries(
        ['cold', 'raw', 'warm'].map((k) => [
          k,
          b.combine(
            x.rounds.map((r) => r.cold[k]),
            mode.duration,
          ),
        ]),
      );
    }
    // evaluateProduct at the first scale (not a target: one measurement each, drawn uniformly from the region's contracts' products).
    const first = perScale[0];
    if (first.evaluations.length) {
      const pick = b.draw(first.evaluations, 99);
      report.scales[first.scale].evaluate = await inTurn(0, [
        [
          'graphql',
          () => run('evaluateProduct, GraphQL', first.service, first.token, b.evaluateRequests.graphql(pick)),
        ],
        ['raw', () => run('evaluateProduct, raw', first.raw, first.token, b.evaluateRequests.raw(pick))],
      ]);
    }
    if (only.has('d')) {
      log(`scale ${first.scale}: fan-out to ${mode.subscribers} subscribers`);
      report.fanOut = await b
        .fanOut({
          url: first.service.url,
          wsUrl: first.service.wsUrl,
          token: first.token,
          subscribers: mode.subscribers,
          productId: first.head[0],
        })
        .catch((e) => ({ measured: false, reason: `failed: ${e.message}` }));
    }
  } finally {
    for (const s of perScale) await Promise.all(s.processes.map((p) => p.stop()));
  }
}

// ---------------------------------------------------------------------------------------------
// (h) The fixed cost of a request, at the first scale: `{ __typename }` against the raw handler's
// token check and answer; with --variant, the service beside each variant (empty query and lookup).
if (only.has('h')) {
  const db = sqlite(mode.scales[0]);
  const token = b.createToken(db, ORG, 'CONTACT_PERSON');
  const all = await b.allProducts(db);
  const processes = [];
  try {
    const services = {};
    for (const [name, env] of [['service', {}], ...variants])
      processes.push((services[name] = await b.startService(db, env)));
    const raw = await b.startRawServer(db);
    processes.push(raw);
    for (const s of Object.values(services)) {
      await b.warmUp(s, token, b.emptyRequests.graphql(), 1);
      await b.warmUp(s, token, b.lookupRequests.graphql(b.draw(all, 4999)));
    }
    await b.warmUp(raw, token, b.emptyRequests.raw(), 1);
    const rounds = [];
    for (let round = 0; round < mode.rounds; round++) {
      b.warmFile(db);
      const pick = b.draw(all, 5000 + round);
      const tag = (what) => `fixed cost, round ${round + 1}/${mode.rounds}: ${what}`;
      rounds.push({
        empty: await inTurn(round, [
          ...Object.entries(services).map(([name, s]) => [
            name,
            () => run(tag(`{ __typename }, ${name}`), s, token, b.emptyRequests.graphql()),
          ]),
          ['raw', () => run(tag('token check alone, raw'), raw, token, b.emptyRequests.raw())],
        ]),
        ...(variants.length
          ? {
              lookup: await inTurn(round, [
                ...Object.entries(services).map(([name, s]) => [
                  name,
                  () => run(tag(`uniform lookup, ${name}`), s, token, b.lookupRequests.graphql(pick)),
                ]),
                ['raw', () => run(tag('uniform lookup, raw'), raw, token, b.lookupRequests.raw(pick))],
              ]),
            }
          : {}),
      });
    }
    report.fixedCost = { variants: Object.keys(services), settings: Object.fromEntries(variants), rounds };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
  }
}

// ---------------------------------------------------------------------------------------------
// (c) Import of N measurements: the CLI against the raw script, on two copies of one small database.
if (only.has('c')) {
  const base = join(dataDir, 'import-base.sqlite');
  log('import: base database');
  await b.generateDataset(base, 0.01);
  const csvFile = join(dataDir, 'import.csv');
  const csv = await b.importFile(base, mode.importFollowUps, mode.perFollowUp);
  writeFileSync(csvFile, csv);
  // Both copies migrated and checkpointed alike; each path runs twice, alternating, on fresh copies.
  const runs = [];
  for (let round = 0; round < Math.min(2, mode.rounds); round++) {
    b.copyDatabase(base, join(dataDir, 'import-service.sqlite'));
    b.copyDatabase(base, join(dataDir, 'import-raw.sqlite'));
    log(`import, round ${round + 1}: ${mode.importFollowUps * mode.perFollowUp} measurements through the CLI and raw`);
    runs.push(
      await inTurn(round, [
        ['service', async () => b.importThroughCli(join(dataDir, 'import-service.sqlite'), csvFile)],
        ['raw', async () => b.importRaw(join(dataDir, 'import-raw.sqlite'), csvFile)],
      ]),
    );
  }
  report.import = { csvBytes: Buffer.byteLength(csv), runs };
}

// ---------------------------------------------------------------------------------------------
// (g) The peer: PostGraphile on PostgreSQL against the service on PostgreSQL, with and without its cache.
if (only.has('g')) {
  if (!peerDb) report.peer = { measured: false, reason: args['no-peer'] ? 'skipped (--no-peer)' : 'no PostgreSQL' };
  else {
    const processes = [];
    try {
      await b.preparePeerSchema(peerDb);
      const token = b.createToken(peerDb, ORG, 'CONTACT_PERSON');
      const secret = `bench-${Math.random().toString(36).slice(2)}`;
      const jwt = b.peerJwt(secret, await b.organisationId(peerDb, ORG));
      const all = await b.allProducts(peerDb);
      log('peer: starting PostGraphile and the service on PostgreSQL (cached, cache off)');
      const peer = await b.startPeer(peerDb, secret);
      processes.push(peer);
      const service = await b.startService(peerDb);
      processes.push(service);
      const noCache = await b.startService(peerDb, { MEASUREMENT_CACHE_MB: '0' });
      processes.push(noCache);
      const head = await b.popularProducts(peerDb, mode.head);
      const compared = await b.comparePeer(noCache, token, peer, jwt, [
        ...b.shuffled(all, 13).slice(0, mode.compare),
        ...head.slice(0, 3),
      ]);
      log('peer: warming up');
      const warm = (i) => head[i % head.length];
      for (const target of [service, noCache]) await b.warmUp(target, token, b.lookupRequests.graphql(warm));
      await b.warmUp(peer, jwt, b.lookupRequests.peer(warm));
      const rounds = [];
      for (let round = 0; round < mode.rounds; round++) {
        const r = { prewarm: await b.prewarmPostgres(peerDb) };
        log(`peer, round ${round + 1}: PostgreSQL prewarmed ${JSON.stringify(r.prewarm)}`);
        for (const connections of mode.peerConnections) {
          const pick = b.draw(all, 7000 + round * 10 + connections);
          const tag = (what) => `peer, round ${round + 1}/${mode.rounds}, ${connections} connections: ${what}`;
          r[connections] = await inTurn(round, [
            ['graphql', () => run(tag('service'), service, token, b.lookupRequests.graphql(pick), connections)],
            [
              'noCache',
              () => run(tag('service, cache off'), noCache, token, b.lookupRequests.graphql(pick), connections),
            ],
            ['peer', () => run(tag('PostGraphile'), peer, jwt, b.lookupRequests.peer(pick), connections)],
          ]);
        }
        rounds.push(r);
      }
      report.peer = {
        measured: true,
        scale: mode.peerScale,
        products: all.length,
        compared,
        rounds,
        memory: { service: b.memoryOf(service.pid), noCache: b.memoryOf(noCache.pid), peer: b.memoryOf(peer.pid) },
      };
    } catch (error) {
      report.peer = { measured: false, reason: `failed: ${error.message.split('\n')[0]}` };
      log(error.stack);
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// (b) statements per request, in this process (the service is imported here), on the first scale's database.
if (only.has('b')) {
  const db = sqlite(mode.scales[0]);
  log('statements per request, counted at the driver');
  const [product] = await b.popularProducts(db, 1);
  report.statements = await b.countStatements(db, b.createToken(db, ORG, 'READER'), product);
}

report.loadAfter = b.machineLoad();
report.finished = new Date().toISOString();
// The web app's section (bench/web.mjs, measured apart in a browser) is kept from the previous report.
const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
const webSection = /<!-- web-app:start -->[\s\S]*<!-- web-app:end -->/.exec(previous)?.[0];
writeFileSync(out, render(report) + (webSection ? `\n${webSection}\n` : ''));
writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify(report, null, 2));
log(`wrote ${out}`);
process.exit(0);
