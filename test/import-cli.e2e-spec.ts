import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { checkGtin, checkOrganisationNumber } from '../src/common/identifiers/identifiers.js';
import { loadConfig } from '../src/config/configuration.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { onPostgres, usingPostgres } from './helpers/test-app.js';

/**
 * `npm run cli -- import` and `npm run cli -- generate`, through the BUILT command line in a child
 * process (as an operator runs them), on a fresh SQLite file or a PostgreSQL schema of its own.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SAMPLE = join(ROOT, 'seeds', 'import-sample.csv');

interface Target {
  env: NodeJS.ProcessEnv;
  db: DataSource | null;
  cleanup: () => Promise<void>;
}

/** A fresh database for the CLI: a temporary SQLite file, or a schema of its own on PostgreSQL. */
async function freshTarget(name: string, dir: string): Promise<Target> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DEMO_DATA: 'true' };
  delete env.LOG_LEVEL;
  if (usingPostgres()) {
    const schema = `test_${name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await onPostgres(`CREATE SCHEMA ${schema}`);
    env.DATABASE_SCHEMA = schema;
    return { env, db: null, cleanup: () => onPostgres(`DROP SCHEMA ${schema} CASCADE`) };
  }
  env.DATABASE_PATH = join(dir, `${name}.sqlite`);
  return { env, db: null, cleanup: async () => undefined };
}

describe('cli: import and generate', () => {
  let dir: string;
  let main: Target;

  const cli = (target: Target, ...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: target.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const db = async (target: Target): Promise<DataSource> => {
    if (!target.db) {
      target.db = new DataSource(buildDataSourceOptions(loadConfig(target.env)));
      await target.db.initialize();
    }
    return target.db;
  };
  const count = async (target: Target, table: string) =>
    Number((await (await db(target)).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch (error) {
      throw new Error(`the build failed:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`, { cause: error });
    }
    dir = mkdtempSync(join(tmpdir(), 'kemkollen-import-cli-'));
    main = await freshTarget('import', dir);
    const seeded = cli(main, 'seed');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  }, 180_000);

  afterAll(async () => {
    if (main?.db?.isInitialized) await main.db.destroy();
    await main?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the sample file with a plain progress line (stderr is not a terminal)', async () => {
    const before = { followUps: await count(main, 'follow_ups'), measurements: await count(main, 'measurements') };

    const r = cli(main, 'import', SAMPLE);

    expect(r.stderr).toMatch(/^progress: \d+% /m);
    expect(r.stderr).not.toContain('\r');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      `Imported 4 follow-ups with 7 measurements from ${SAMPLE} (4 new, 0 updated, 0 unchanged, 0 skipped).`,
    );
    expect(await count(main, 'follow_ups')).toBe(before.followUps + 4);
    expect(await count(main, 'measurements')).toBe(before.measurements + 7);
    const [planned] = await (
      await db(main)
    ).query(
      "SELECT f.status, o.code FROM follow_ups f JOIN organisations o ON o.id = f.organisation_id WHERE f.notes = 'Planerad analys inom fokusområdet'",
    );
    expect(planned).toEqual({ status: 'PLANNED', code: 'region-skane' });
  }, 60_000);

  it('--dry-run checks and stores nothing; the file already imported is UNCHANGED, and importing it again stores nothing', async () => {
    const before = { followUps: await count(main, 'follow_ups'), events: await count(main, 'events') };
    const r = cli(main, 'import', SAMPLE, '--dry-run');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'would import 0 follow-ups with 0 measurements (0 new, 0 updated, 4 unchanged, 0 skipped)',
    );
    const again = cli(main, 'import', SAMPLE);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('(0 new, 0 updated, 4 unchanged, 0 skipped)');
    expect({ followUps: await count(main, 'follow_ups'), events: await count(main, 'events') }).toEqual(before);
  }, 60_000);

  it('lists every bad row, exits 1 and stores nothing', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
    // Drop the organisation (rows are then for --organisation), and break rows 3 and 7.
    const header = lines[0]!.split(',');
    const org = header.indexOf('organisation');
    const edited = lines.map((l, i) => (i === 0 ? l : l.replace(/^([^,]*),region-skane,/, '$1,,')));
    edited[2] = edited[2]!.replace(',84-74-2,PVC,false,,10,', ',84-74-2,PVC,false,,,');
    edited[6] = edited[6]!.replace(',50-00-0,Tyg,true,12.5,,MG_PER_KG,', ',50-00-0,Tyg,true,12.5,,MG_PER_L,');
    expect(org).toBe(1);
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `${edited.join('\n')}\n`);
    const before = { followUps: await count(main, 'follow_ups'), events: await count(main, 'events') };

    const r = cli(main, 'import', file, '--organisation', 'region-stockholm');

    expect(r.status).toBe(1);
    expect(r.stderr).toContain('row 3, column loq: a result not detected needs the limit of quantification (loq)');
    expect(r.stderr).toContain(
      'row 7, column unit: MG_PER_L (mg/L) does not fit requirement K-FORM-TOY, whose limit is in mg/kg',
    );
    expect(r.stderr).toContain(`error: ${file}: 2 problems in 2 rows; nothing was imported`);
    expect({ followUps: await count(main, 'follow_ups'), events: await count(main, 'events') }).toEqual(before);

    const without = cli(main, 'import', file);
    expect(without.status).toBe(1);
    expect(without.stderr).toContain(
      'row 2, column organisation: required: the code of the organisation the follow-up is for',
    );
    expect(cli(main, 'import', file, '--organisation', 'no-such-org').stderr).toContain(
      'Organisation "no-such-org" was not found',
    );
    expect(cli(main, 'import').status).toBe(2);
  }, 60_000);

  it('generate writes a dataset with valid identifiers and the requested proportions', async () => {
    const target = await freshTarget('generate', dir);
    try {
      const r = cli(target, 'generate', '--scale', '0.002', '--seed', '7');
      expect(r.stderr).not.toContain('error');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/followUps\s+200\b/);
      expect(r.stdout).toMatch(/measurements\s+1,000\b/);
      const source = await db(target);
      expect(await count(target, 'products')).toBe(40);
      expect(await count(target, 'follow_ups')).toBe(200);
      expect(await count(target, 'measurements')).toBe(1000);
      expect(await count(target, 'organisations')).toBe(24 + 1);
      for (const { gtin } of await source.query('SELECT gtin FROM products'))
        expect(checkGtin(gtin)).toMatchObject({ ok: true });
      for (const { n } of await source.query(
        'SELECT organisation_number AS n FROM suppliers WHERE organisation_number IS NOT NULL',
      ))
        expect(checkOrganisationNumber(n)).toMatchObject({ ok: true });
      // Every generated follow-up has its RECORDED (or PLANNED) event, as if recorded one by one.
      expect(
        Number((await source.query("SELECT COUNT(*) AS n FROM events WHERE type IN ('RECORDED', 'PLANNED')"))[0].n),
      ).toBe(200);
      // Skewed: the most followed-up product has several follow-ups, while most have few.
      const [top] = await source.query(
        'SELECT product_id, COUNT(*) AS n FROM follow_ups GROUP BY product_id ORDER BY COUNT(*) DESC LIMIT 1',
      );
      expect(Number(top.n)).toBeGreaterThan(5);
      expect(cli(target, 'generate', '--scale', '0.002').stderr).toContain('already holds generated data');
      expect(cli(target, 'generate', '--scale', 'lots').status).toBe(2);
    } finally {
      if (target.db?.isInitialized) await target.db.destroy();
      await target.cleanup();
    }
  }, 120_000);
});
