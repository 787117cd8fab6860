// npm run bench [-- --quick | --smoke] [--reuse] [--out <file>] [--data <folder>]
//
// Builds nothing itself (the npm script builds first). Generates the datasets (SQLite, under
// /tmp), then measures side by side, in one run, and writes a markdown report (bench/report.md):
//   (a) the pre-audit lookup and evaluateProduct through GraphQL over HTTP against a raw
//       node:http + better-sqlite3 baseline on the same file: throughput, p50/p99, ratio;
//   (b) SQL statements per request for nested lists of 10 and 100;
//   (c) importing 100,000 measurements against raw prepared inserts in one transaction;
//   (d) fan-out of one write to 1,000 graphql-ws subscribers;
//   (e) the lookup's latency at scale 1 against scale 10;
//   (f) peak RSS of the service under the lookup load at scale 10.
// --quick: small scales and short runs (a smoke run by hand); --smoke: tiny, for the e2e test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as b from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    smoke: { type: 'boolean' },
    reuse: { type: 'boolean' },
    out: { type: 'string' },
    data: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
  },
});
const MODES = {
  full: {
    scales: [1, 10],
    duration: 10,
    rounds: 3,
    connections: 10,
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
  ...(args.connections ? { connections: Number(args.connections) } : {}),
};
const dataDir = args.data ?? `/tmp/kemkollen-bench-${modeName}`;
const out = args.out ?? join(b.ROOT, 'bench', modeName === 'full' ? 'report.md' : `report-${modeName}.md`);
mkdirSync(dataDir, { recursive: true });
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const ORG = 'region-stockholm';

const report = {
  mode: modeName,
  settings: mode,
  started: new Date().toISOString(),
  loadBefore: b.machineLoad(),
  node: process.version,
  cpus: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  datasets: {},
  scales: {},
};

// Datasets.
for (const scale of mode.scales) {
  const file = join(dataDir, `scale-${scale}.sqlite`);
  if (args.reuse && b.existsSync(file)) {
    log(`reusing ${file}`);
    report.datasets[scale] = { file, seconds: null, summary: 'reused' };
    continue;
  }
  log(`generating scale ${scale} into ${file}`);
  report.datasets[scale] = { file, ...b.generateDataset(file, scale) };
  log(`  ${report.datasets[scale].seconds.toFixed(1)} s`);
}

// (a), (e), (f): load on the service and on the baseline, per scale.
for (const [index, scale] of mode.scales.entries()) {
  const { file } = report.datasets[scale];
  const token = b.createToken(file, ORG, 'CONTACT_PERSON');
  const products = b.sampleProducts(file, 1_000);
  const contracts = b.contractsOf(file, ORG);
  const service = await b.startService(file);
  const baseline = await b.startRawServer(file);
  const result = { products: products.length, contracts: contracts.length };
  try {
    result.compared = await b.compareAnswers(service, baseline, token, products.slice(0, mode.compare), contracts);
    const run = async (name, target, makeRequest) => {
      log(`scale ${scale}: ${name} (${mode.connections} connections, ${mode.duration} s)`);
      return b.load({ url: target.url, token, makeRequest, connections: mode.connections, duration: mode.duration });
    };
    // The lookup, the target's figure: service and baseline alternate for several rounds, so that a
    // change in what else the machine does (other processes, a hypervisor's neighbours) falls on both.
    const rounds = [];
    for (let i = 0; i < mode.rounds; i++) {
      rounds.push({
        graphql: await run(
          `lookup, GraphQL (round ${i + 1}/${mode.rounds})`,
          service,
          b.lookupRequests.graphql(products),
        ),
        raw: await run(`lookup, raw (round ${i + 1}/${mode.rounds})`, baseline, b.lookupRequests.raw(products)),
      });
    }
    result.lookup = {
      graphql: b.combine(
        rounds.map((r) => r.graphql),
        mode.duration,
      ),
      raw: b.combine(
        rounds.map((r) => r.raw),
        mode.duration,
      ),
      rounds,
    };
    result.memory = b.memoryOf(service.pid);
    if (index === 0)
      result.floor = await run('the empty query { __typename }, GraphQL', service, () => ({
        method: 'POST',
        path: '/graphql',
        body: JSON.stringify({ query: '{ __typename }' }),
      }));
    if (index === 0) {
      // What the measurement cache and graphql-jit each bring: the same lookup with one of them off.
      for (const [key, env] of [
        ['noCache', { MEASUREMENT_CACHE_ROWS: '0' }],
        ['noJit', { GRAPHQL_JIT: 'false' }],
      ]) {
        const variant = await b.startService(file, env);
        try {
          result[key] = await run(
            `lookup, GraphQL, ${Object.entries(env)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')}`,
            variant,
            b.lookupRequests.graphql(products),
          );
        } finally {
          await variant.stop();
        }
      }
    }
    const last = index === mode.scales.length - 1;
    if (!last || mode.scales.length === 1) {
      result.evaluate = {
        graphql: await run('evaluateProduct, GraphQL', service, b.evaluateRequests.graphql(products, contracts)),
        raw: await run('evaluateProduct, raw', baseline, b.evaluateRequests.raw(products, contracts)),
      };
      if (index === 0) {
        log(`scale ${scale}: fan-out to ${mode.subscribers} subscribers`);
        result.fanOut = await b
          .fanOut({
            url: service.url,
            wsUrl: service.wsUrl,
            token,
            subscribers: mode.subscribers,
            productId: products[0],
          })
          .catch((e) => ({ measured: false, reason: `failed: ${e.message}` }));
      }
    }
  } finally {
    await service.stop();
    await baseline.stop();
  }
  report.scales[scale] = result;
}

// (b) statements per request, in process, on the first scale's database.
{
  const { file } = report.datasets[mode.scales[0]];
  log('statements per request (nested followUps of 10 and 100)');
  report.statements = await b.countStatements(file, b.createToken(file, ORG, 'READER'));
}

// (c) import of N measurements: the service against raw prepared inserts, on two copies of one small database.
{
  const base = join(dataDir, 'import-base.sqlite');
  log('import: base database');
  b.generateDataset(base, 0.01);
  const csv = await b.importFile(base, mode.importFollowUps, mode.perFollowUp);
  b.copyDatabase(base, join(dataDir, 'import-service.sqlite'));
  b.copyDatabase(base, join(dataDir, 'import-raw.sqlite'));
  // Open and migrate the service's copy before timing (the raw copy is already migrated).
  log(`import: ${mode.importFollowUps * mode.perFollowUp} measurements through the service`);
  const service = await b.importThroughService(join(dataDir, 'import-service.sqlite'), csv);
  log('import: raw prepared inserts');
  const raw = await b.importRaw(join(dataDir, 'import-raw.sqlite'), csv);
  report.import = { csvBytes: Buffer.byteLength(csv), service, raw };
}

report.loadAfter = b.machineLoad();
report.finished = new Date().toISOString();
writeFileSync(out, render(report));
writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify(report, null, 2));
log(`wrote ${out}`);

function render(r) {
  const [s1, s10] = r.settings.scales;
  const one = r.scales[s1];
  const ten = r.scales[s10];
  const f = (n, d = 1) => (n === null || n === undefined ? '–' : Number(n).toFixed(d));
  const ratio = (a, c) => (c ? a / c : null);
  const verdict = (ok) => (ok ? 'met' : '**missed**');
  const lookupRatio = ratio(one.lookup.graphql.rps, one.lookup.raw.rps);
  const evalRatio = one.evaluate ? ratio(one.evaluate.graphql.rps, one.evaluate.raw.rps) : null;
  const importRatio = ratio(r.import.service.seconds, r.import.raw.seconds);
  const p50Ratio = ten ? ratio(ten.lookup.graphql.p50, one.lookup.graphql.p50) : null;
  const fan = one.fanOut ?? { measured: false, reason: 'not run' };
  const row = (name, x) => `| ${name} | ${f(x.rps, 0)} | ${f(x.p50)} | ${f(x.p99)} | ${x.requests} | ${x.errors} |`;
  const lines = [
    `# Benchmark report (${r.mode} mode)`,
    '',
    `Run ${r.started} → ${r.finished}; Node ${r.node}; ${r.cpus} cores, ${r.memoryGb} GiB. SQLite (better-sqlite3), service and baseline on the same file.`,
    '',
    `Machine load before: \`${r.loadBefore.uptime}\`; after: \`${r.loadAfter.uptime}\`. Other work on the machine makes figures noisy; the ratios (service and baseline measured back to back) are steadier than the absolute numbers.`,
    '',
    `Load: autocannon, ${r.settings.connections} connections, ${r.settings.duration} s per measurement, requests cycling through ${one.products} products drawn like the lookups people make (a random follow-up's product, so popular products come up more). The service ran with RATE_LIMIT_ENABLED=false. Before the load, the service's and the baseline's answers were compared for ${one.compared} products (lookup and evaluation): identical.`,
    '',
    '## Targets',
    '',
    '| target | figure | |',
    '|---|---|---|',
    `| lookup throughput ≥ 50 % of the raw baseline (scale ${s1}) | ${f(lookupRatio * 100, 0)} % | ${verdict(lookupRatio >= 0.5)} |`,
    `| statements independent of page size | ${r.statements[10].statements} (10 nodes) vs ${r.statements[100].statements} (100 nodes) | ${verdict(r.statements[10].statements === r.statements[100].statements)} |`,
    `| import within 4 × the raw baseline | ${f(importRatio, 2)} × | ${verdict(importRatio <= 4)} |`,
    `| fan-out to ${r.settings.subscribers} subscribers within 500 ms | ${fan.measured ? `${f(fan.lastMs, 0)} ms (${fan.received}/${fan.subscribers} received)` : `not measured: ${fan.reason}`} | ${fan.measured ? verdict(fan.lastMs <= 500 && fan.received === fan.subscribers) : '–'} |`,
    `| scale-${s10} lookup p50 ≤ 1.5 × scale-${s1} p50 | ${ten ? `${f(ten.lookup.graphql.p50)} ms vs ${f(one.lookup.graphql.p50)} ms = ${f(p50Ratio, 2)} ×` : '–'} | ${ten ? verdict(p50Ratio <= 1.5) : '–'} |`,
    `| peak RSS ≤ 400 MB under the lookup load at scale ${s10} | ${ten ? `${f(ten.memory.peakMb, 0)} MB` : '–'} | ${ten ? verdict(ten.memory.peakMb <= 400) : '–'} |`,
    '',
    '## Datasets',
    '',
    '| scale | generated in | what |',
    '|---|---|---|',
    ...r.settings.scales.map(
      (s) =>
        `| ${s} | ${r.datasets[s].seconds === null ? 'reused' : `${f(r.datasets[s].seconds)} s`} | ${r.datasets[
          s
        ].summary
          .split('\n')
          .slice(1, 7)
          .map((l) => l.trim().replace(/\s+/, ' '))
          .join(', ')} |`,
    ),
    '',
    '## (a) Lookup and evaluation: service against raw baseline',
    '',
    '| scale, request | req/s | p50 ms | p99 ms | requests | errors |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of r.settings.scales) {
    const x = r.scales[s];
    lines.push(
      row(`${s}, lookup: GraphQL (${x.lookup.rounds.length} rounds)`, x.lookup.graphql),
      row(`${s}, lookup: raw (${x.lookup.rounds.length} rounds)`, x.lookup.raw),
    );
    if (x.evaluate)
      lines.push(
        row(`${s}, evaluateProduct: GraphQL`, x.evaluate.graphql),
        row(`${s}, evaluateProduct: raw`, x.evaluate.raw),
      );
    if (x.noCache)
      lines.push(row(`${s}, lookup: GraphQL with MEASUREMENT_CACHE_ROWS=0 (no measurement cache)`, x.noCache));
    if (x.noJit) lines.push(row(`${s}, lookup: GraphQL with GRAPHQL_JIT=false (graphql-js executes)`, x.noJit));
    if (x.floor)
      lines.push(row(`${s}, \`{ __typename }\`: GraphQL (no resolver, no SQL but the token check)`, x.floor));
  }
  lines.push(
    '',
    `The lookup rows add up ${one.lookup.rounds.length} rounds in which the service and the baseline took turns (${r.settings.duration} s each; p50 is the rounds' median, p99 their highest). Per round, the service reached ${one.lookup.rounds.map((x) => `${f((x.graphql.rps / x.raw.rps) * 100, 0)} %`).join(', ')} of the baseline at scale ${s1}${ten ? `, and ${ten.lookup.rounds.map((x) => `${f((x.graphql.rps / x.raw.rps) * 100, 0)} %`).join(', ')} at scale ${s10}` : ''}.`,
    '',
    `Throughput ratio at scale ${s1}: lookup ${f(lookupRatio * 100, 0)} %, evaluateProduct ${f(evalRatio * 100, 0)} % of the raw baseline. The empty query \`{ __typename }\` (HTTP, Express, Apollo, the token check, the query limits, no resolver) reaches ${f(one.floor?.rps, 0)} req/s: ${f((one.floor?.rps / one.lookup.raw.rps) * 100, 0)} % of the raw baseline's full lookup, which bounds what any change to the lookup's own resolvers and queries can reach.${one.noCache ? ` Without the measurement cache the lookup reaches ${f((one.noCache.rps / one.lookup.raw.rps) * 100, 0)} % of the baseline; with graphql-js executing instead of graphql-jit, ${f((one.noJit.rps / one.lookup.raw.rps) * 100, 0)} %.` : ''}`,
    '',
    '## (b) SQL statements per request',
    '',
    '| page | statements | follow-ups | measurements |',
    '|---|---|---|---|',
    ...[10, 100].map(
      (n) =>
        `| followUps(first: ${n}), nested | ${r.statements[n].statements} | ${r.statements[n].nodes} | ${r.statements[n].measurements} |`,
    ),
    '',
    `## (c) Import of ${r.import.service.measurements.toLocaleString('en')} measurements (${r.import.service.followUps.toLocaleString('en')} follow-ups, ${f(r.import.csvBytes / 2 ** 20)} MiB of CSV)`,
    '',
    '| path | seconds | measurements/s |',
    '|---|---|---|',
    `| service: parse, check every row, write in one transaction | ${f(r.import.service.seconds, 2)} | ${f(r.import.service.measurements / r.import.service.seconds, 0)} |`,
    `| raw prepared INSERTs of prepared rows in one transaction | ${f(r.import.raw.seconds, 2)} | ${f(r.import.raw.measurements / r.import.raw.seconds, 0)} |`,
    '',
    `Ratio: ${f(importRatio, 2)} ×.`,
    '',
    '## (d) Fan-out',
    '',
    fan.measured
      ? `${fan.subscribers} graphql-ws subscribers to \`followUpEvents\` (${fan.subscribed} subscribed), one \`recordFollowUp\` (answered in ${f(fan.writeMs, 0)} ms): first subscriber had the event after ${f(fan.firstMs, 0)} ms, half of them after ${f(fan.p50Ms, 0)} ms, the last after ${f(fan.lastMs, 0)} ms; ${fan.received} received it.${fan.errors?.length ? ` Errors: ${fan.errors.join('; ')}` : ''}`
      : `Not measured: ${fan.reason}.`,
    '',
  );
  if (ten) {
    lines.push(
      `## (e) Lookup latency, scale ${s1} against scale ${s10}`,
      '',
      `GraphQL p50 ${f(one.lookup.graphql.p50)} ms → ${f(ten.lookup.graphql.p50)} ms (${f(p50Ratio, 2)} ×); p99 ${f(one.lookup.graphql.p99)} ms → ${f(ten.lookup.graphql.p99)} ms. Raw baseline p50 ${f(one.lookup.raw.p50)} ms → ${f(ten.lookup.raw.p50)} ms.`,
      '',
      `## (f) Memory at scale ${s10}`,
      '',
      `Peak RSS (VmHWM) of the service after the lookup load: ${f(ten.memory.peakMb, 0)} MB (RSS then ${f(ten.memory.rssMb, 0)} MB). At scale ${s1}: ${f(one.memory.peakMb, 0)} MB.`,
      '',
    );
  }
  return lines.join('\n');
}
