import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onPostgres, usingPostgres } from './helpers/test-app.js';

/**
 * The benchmark's building blocks at a tiny scale (`node bench/run.mjs --smoke`), so CI runs the
 * code of `npm run bench` without timing anything: dataset generation, the service and the raw
 * baseline giving the same answers, autocannon against both with every draw (uniform, popular,
 * cold and warm), statements counted at the driver, the CLI import against the raw script, the
 * fan-out, the fixed cost, and the report. Nothing here asserts a duration or a ratio.
 *
 * On SQLite (`npm test`) everything but the peer row (it needs PostgreSQL and PostGraphile's own
 * install); with DATABASE_URL (`npm run test:pg`) the peer row alone: PostGraphile on a generated
 * PostgreSQL schema gives the service's answers, and both are loaded.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function runBench(args: string[], env: NodeJS.ProcessEnv): { report: string; figures: any; dir: string } {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'kemkollen-bench-'));
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bench', 'run.mjs'), '--smoke', '--data', dir, '--out', join(dir, 'report.md'), ...args],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 600_000 },
  );
  if (r.status !== 0) throw new Error(`bench --smoke exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  return {
    dir,
    report: readFileSync(join(dir, 'report.md'), 'utf8'),
    figures: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')),
  };
}

(usingPostgres() ? describe.skip : describe)('bench (smoke, SQLite)', () => {
  let dir: string;
  let report: string;
  let figures: any;

  beforeAll(() => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    ({ dir, report, figures } = runBench(['--no-peer'], env));
  }, 620_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes every section of the report', () => {
    for (const heading of [
      '## Targets',
      '## Datasets',
      '## (a) The lookup',
      '## (b) SQL statements',
      '## (c) Import',
      '## (d) Fan-out',
      '## (e) Lookup latency',
      '## (f) Memory',
      '## (g) The peer',
      '## (h) Fixed cost',
    ])
      expect(report).toContain(heading);
    expect(report).toContain('Machine load before');
    expect(figures.peer).toEqual({ measured: false, reason: 'skipped (--no-peer)' });
  });

  it('compared the answers of the service and the raw baseline, then loaded both with every draw', () => {
    for (const scale of figures.settings.scales) {
      const x = figures.scales[scale];
      expect(x.compared).toBeGreaterThan(0);
      expect(x.rounds).toHaveLength(figures.settings.rounds);
      for (const r of x.rounds) {
        for (const k of ['graphql', 'noCache', 'raw', 'rawStable']) expect(r.uniform[k]).toMatchObject({ errors: 0 });
        for (const k of ['graphql', 'raw']) expect(r.popular[k]).toMatchObject({ errors: 0 });
        for (const k of ['cold', 'warm', 'raw']) expect(r.cold[k]).toMatchObject({ errors: 0 });
        expect(r.uniform.graphql.requests).toBeGreaterThan(0);
        // The database file read through before the round, for every target alike (fincore tells the share held where it exists).
        expect(r.pageCache.seconds).toBeGreaterThanOrEqual(0);
        if (r.pageCache.after !== null) expect(r.pageCache.after).toBeGreaterThan(0.9);
      }
      expect(report).toContain('of the database file before each round');
      expect(x.memory.service.peakMb).toBeGreaterThan(0);
      // The peak during the uniform runs alone, no higher than the whole run's.
      expect(x.memory.uniformPeakMb).toBeGreaterThan(0);
      expect(x.memory.uniformPeakMb).toBeLessThanOrEqual(x.memory.service.peakMb);
    }
    const [small] = figures.settings.scales;
    expect(figures.scales[small].evaluate.graphql.errors).toBe(0);
  });

  it('counts statements at the driver: the same for a nested page of 10 and of 100; fewer for a warm lookup', () => {
    expect(figures.statements[10].measurements).toBeGreaterThan(0);
    expect(figures.statements[100].statements).toBe(figures.statements[10].statements);
    expect(figures.statements.lookupCold.statements).toBeGreaterThan(0);
    expect(figures.statements.lookupWarm.statements).toBeLessThanOrEqual(figures.statements.lookupCold.statements);
  });

  it('imports the same rows through the CLI and the raw script, timed from start to exit', () => {
    for (const run of figures.import.runs) {
      expect(run.service.measurements).toBe(500);
      expect(run.raw.measurements).toBe(500);
      expect(run.service.followUps).toBe(run.raw.followUps);
      expect(run.service.seconds).toBeGreaterThan(0);
    }
  });

  it('measures the fan-out with a realistic selection, every subscriber receiving it', () => {
    expect(figures.fanOut).toMatchObject({ measured: true, errors: [] });
    expect(figures.fanOut.received).toBe(figures.fanOut.subscribers);
    expect(figures.fanOut.payloadBytes).toBeGreaterThan(200);
  });

  it('measures the fixed cost of a request against the raw token check', () => {
    for (const r of figures.fixedCost.rounds) {
      expect(r.empty.service.errors).toBe(0);
      expect(r.empty.raw.errors).toBe(0);
    }
  });
});

(usingPostgres() ? describe : describe.skip)('bench (smoke, the PostGraphile peer on PostgreSQL)', () => {
  const schema = `kemkollen_bench_smoke_${process.pid}`;
  let dir: string;
  let figures: any;

  beforeAll(() => {
    ({ dir, figures } = runBench(['--only', 'g', '--pg-schema', schema], process.env));
  }, 620_000);
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await onPostgres(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('gives the same answers as the service, and both take the load at each connection count', () => {
    expect(figures.peer).toMatchObject({ measured: true });
    expect(figures.peer.compared).toBeGreaterThan(0);
    for (const round of figures.peer.rounds)
      for (const c of figures.settings.peerConnections)
        for (const k of ['graphql', 'noCache', 'peer']) {
          expect(round[c][k].errors).toBe(0);
          expect(round[c][k].requests).toBeGreaterThan(0);
        }
  });
});
