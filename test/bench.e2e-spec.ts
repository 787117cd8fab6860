import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usingPostgres } from './helpers/test-app.js';

/**
 * The benchmark's building blocks at a tiny scale (`node bench/run.mjs --smoke`), so CI runs the
 * code of `npm run bench` without timing anything: dataset generation, the service and the raw
 * baseline giving the same answers, autocannon against both, statement counts, the import against
 * raw inserts, the fan-out, and the report. Nothing here asserts a duration or a ratio.
 * SQLite only: the raw baseline reads the service's SQLite file with better-sqlite3.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = usingPostgres() ? describe.skip : describe;

run('bench (smoke)', () => {
  let dir: string;
  let report: string;
  let figures: any;

  beforeAll(() => {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    dir = mkdtempSync(join(tmpdir(), 'kemkollen-bench-'));
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bench', 'run.mjs'), '--smoke', '--data', dir, '--out', join(dir, 'report.md')],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 400_000 },
    );
    if (r.status !== 0) throw new Error(`bench --smoke exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
    report = readFileSync(join(dir, 'report.md'), 'utf8');
    figures = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  }, 420_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes every section of the report', () => {
    for (const heading of [
      '## Targets',
      '## Datasets',
      '## (a) Lookup',
      '## (b) SQL statements',
      '## (c) Import',
      '## (d) Fan-out',
      '## (e) Lookup latency',
      '## (f) Memory',
    ])
      expect(report).toContain(heading);
    expect(report).toContain('Machine load before');
  });

  it('compared the answers of the service and the raw baseline before loading them', () => {
    const [small] = figures.settings.scales;
    expect(figures.scales[small].compared).toBeGreaterThan(0);
    for (const scale of figures.settings.scales) {
      expect(figures.scales[scale].lookup.graphql.requests).toBeGreaterThan(0);
      expect(figures.scales[scale].lookup.graphql.errors).toBe(0);
      expect(figures.scales[scale].lookup.raw.errors).toBe(0);
    }
    expect(figures.scales[small].evaluate.graphql.errors).toBe(0);
  });

  it('counts the same number of statements for a nested page of 10 and of 100', () => {
    expect(figures.statements[10].measurements).toBeGreaterThan(0);
    expect(figures.statements[100].statements).toBe(figures.statements[10].statements);
  });

  it('imports the same rows through the service and the raw baseline', () => {
    expect(figures.import.service.measurements).toBe(500);
    expect(figures.import.raw.measurements).toBe(500);
    expect(figures.import.service.followUps).toBe(figures.import.raw.followUps);
  });

  it('measures the fan-out when the subscription exists, and says so when it does not', () => {
    const [small] = figures.settings.scales;
    const fan = figures.scales[small].fanOut;
    if (fan.measured) expect(fan.received).toBe(fan.subscribers);
    else expect(fan.reason).toBeTruthy();
  });
});
