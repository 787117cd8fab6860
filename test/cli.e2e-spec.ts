import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { TokenService } from '../src/auth/token.service.js';
import { loadConfig } from '../src/config/configuration.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { SqlReader } from '../src/database/read/sql-reader.js';
import { usingPostgres, onPostgres } from './helpers/test-app.js';
import { ROLES } from '../src/vocabulary/vocabulary.js';

/**
 * Runs the BUILT command line (dist/cli/main.js, as `npm run cli` does) in a child process on a
 * fresh database: a temporary SQLite file, or a schema of its own in the PostgreSQL database in
 * DATABASE_URL (like test/helpers/test-app.ts, so suites can run side by side).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const TOKEN = /kk_[A-Za-z0-9_-]{43}/;
const FUTURE = `${new Date().getUTCFullYear() + 1}-06-30`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('cli', () => {
  let tempDir: string | null = null;
  let pgSchema: string | null = null;
  let env: NodeJS.ProcessEnv;
  let db: DataSource;

  const cli = (...args: string[]): Run => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const ok = (...args: string[]): string => {
    const r = cli(...args);
    if (r.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${r.status}:\n${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  const count = async (table: string): Promise<number> =>
    Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const TABLES = [
    'organisations',
    'product_categories',
    'substances',
    'requirements',
    'suppliers',
    'products',
    'contracts',
    'follow_ups',
    'principals',
    'api_tokens',
    'events',
  ];
  const counts = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(t)] as const)));
  /** Opens the CLI's database as `db`, the test's own connection. */
  const open = async (): Promise<void> => {
    db = new DataSource(buildDataSourceOptions(loadConfig(env)));
    await db.initialize();
  };
  /**
   * For a test that also runs alone (`-t`): the seed test seeds and opens `db` first in a whole run;
   * alone, seed (seeding again inserts nothing) and open it here.
   */
  const seeded = async (): Promise<void> => {
    if (db?.isInitialized) return;
    ok('seed');
    await open();
  };

  beforeAll(async () => {
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch (error) {
      throw new Error(`the build failed:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`, { cause: error });
    }
    env = { ...process.env, NODE_ENV: 'test', DEMO_DATA: 'true' };
    delete env.LOG_LEVEL;
    if (usingPostgres()) {
      pgSchema = `test_cli_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      await onPostgres(`CREATE SCHEMA ${pgSchema}`);
      env.DATABASE_SCHEMA = pgSchema;
    } else {
      tempDir = mkdtempSync(join(tmpdir(), 'kemkollen-cli-'));
      env.DATABASE_PATH = join(tempDir, 'cli.sqlite');
    }
  }, 180_000);

  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    if (pgSchema) await onPostgres(`DROP SCHEMA ${pgSchema} CASCADE`);
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('--help on every command prints the usage and exits 0', () => {
    for (const args of [
      ['--help'],
      ['help'],
      ['-h'],
      ['import', '--help'],
      ['token', '--help'],
      ['token', 'create', '--help'],
      ['seed', '--help'],
      ['restore', '-h'],
      ['organisations', '--help'],
    ]) {
      const r = cli(...args);
      expect({ args, status: r.status }).toEqual({ args, status: 0 });
      expect(r.stdout).toContain('Usage: npm run cli -- <command>');
      expect(r.stderr).toBe('');
    }
  });

  it('an unknown command or option, a missing file and a bad value: one plain sentence and exit code 2', () => {
    const cases: Array<[string[], string]> = [
      [['frobnicate'], 'error: unknown command "frobnicate"; the commands are seed, migrate, schema, token'],
      [['token', 'create', '--bogus'], 'error: token: unknown option --bogus'],
      [['import', 'no-such-file.csv'], 'error: import: no-such-file.csv: no such file'],
      [['import', 'seeds/import-sample.csv', '--organisation'], 'error: import: --organisation needs a value'],
      [
        ['import', 'seeds/import-sample.csv', '--on-existing', 'MAYBE'],
        '--on-existing must be SKIP, UPDATE or REJECT, got "MAYBE"',
      ],
      [['restore', 'no-such-backup.sqlite'], 'error: restore: no-such-backup.sqlite: no such file'],
      [['organisations', 'extra'], 'error: organisations: unexpected argument "extra"'],
      [
        ['token', 'create', '--organisation', 'region-skane', '--role', 'BOSS', '--name', 'X'],
        `error: token: --role "BOSS": must be one of ${ROLES.join(', ')} (in any case)`,
      ],
    ];
    for (const [args, message] of cases) {
      const r = cli(...args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|Usage:|node:/);
      expect(r.stderr.trim().split('\n')).toHaveLength(2); // the sentence, and where to find --help
    }
    // No command at all: the usage, as an error.
    const none = cli();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: npm run cli -- <command>');
  });

  it('npm run cli builds only when the code is newer than the build', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(check.status).toBe(0);
    expect(check.stderr).toBe(''); // built in beforeAll: nothing to do
  });

  it('seed migrates and loads the data; a second run inserts nothing', async () => {
    const first = ok('seed');
    expect(first).toMatch(/organisations\s+\d+/);
    await open();
    const before = await counts();
    expect(before.organisations).toBeGreaterThanOrEqual(21);
    expect(before.follow_ups).toBeGreaterThan(0);

    const second = ok('seed');
    expect(second).toContain('Nothing new');
    expect(second).not.toMatch(/\s[1-9]\d*$/m);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('migrate lists the applied migrations', () => {
    const out = ok('migrate');
    expect(out).toMatch(/Applied migrations \((\d+) of \1\)/);
    expect(out).toContain('CreateCatalogue1763769600000');
  }, 60_000);

  it("organisation create makes a member organisation (the operator's power, issue 12); bad input and a taken code fail", async () => {
    const out = ok(
      'organisation',
      'create',
      '--code',
      'region-cli',
      '--name',
      'Region CLI',
      '--kind',
      'REGION',
      '--number',
      '232100-0099',
    );
    expect(out).toMatch(/Organisation region-cli \(Region CLI, REGION\) created: id \S+\./);
    const [row] = await db.query("SELECT code, kind, organisation_number FROM organisations WHERE code = 'region-cli'");
    expect(row).toMatchObject({ code: 'region-cli', kind: 'REGION', organisation_number: '232100-0099' });
    const [event] = await db.query(
      "SELECT type, actor_principal_id FROM events WHERE type = 'ORGANISATION_CREATED' ORDER BY seq DESC LIMIT 1",
    );
    expect(event).toMatchObject({ type: 'ORGANISATION_CREATED', actor_principal_id: null });

    const taken = cli('organisation', 'create', '--code', 'region-cli', '--name', 'Igen', '--kind', 'REGION');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('already exists');
    const bad = cli('organisation', 'create', '--code', 'region-x', '--name', 'X', '--kind', 'PLANET');
    expect(bad.status).toBe(2); // a bad value: exit code 2, as every command's
    expect(bad.stderr).toContain('kind');
    expect(cli('organisation', 'create', '--code', 'region-y').status).toBe(2);
  }, 60_000);

  describe('token', () => {
    let token: string;
    let tokenId: string;

    it('create prints the token once and stores only its SHA-256 hash', async () => {
      const out = ok(
        'token',
        'create',
        '--organisation',
        'region-skane',
        '--role',
        'COORDINATOR',
        '--name',
        'CLI Testperson',
        '--email',
        'cli@example.org',
        '--expires',
        FUTURE,
      );
      token = TOKEN.exec(out)![0];
      tokenId = /id:\s+(\S+)/.exec(out)![1]!;
      expect(out).toContain('not stored');
      expect(out).toContain(`expires: ${FUTURE}T00:00:00.000Z`);

      const [row] = await db.query(`SELECT * FROM api_tokens WHERE id = '${tokenId}'`);
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);
      expect(row).toMatchObject({ role: 'COORDINATOR', prefix: token.slice(0, 10), revoked_at: null });

      const auth = await new TokenService(new SqlReader(db)).authenticate(`Bearer ${token}`);
      expect(auth.error).toBeNull();
      expect(auth.principal).toMatchObject({ role: 'COORDINATOR', name: 'CLI Testperson', tokenId });

      const events = await db.query(`SELECT * FROM events WHERE subject_id = '${tokenId}'`);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'TOKEN_CREATED', subject_type: 'ApiToken' });
      expect(JSON.stringify(events)).not.toContain(token);
    }, 60_000);

    it('create --client makes an API client principal', async () => {
      const out = ok(
        'token',
        'create',
        '--organisation',
        'region-skane',
        '--role',
        'READER',
        '--name',
        'Inköpssystemet',
        '--client',
      );
      const id = /id:\s+(\S+)/.exec(out)![1]!;
      const [row] = await db.query(
        `SELECT p.kind AS kind FROM api_tokens t JOIN principals p ON p.id = t.principal_id WHERE t.id = '${id}'`,
      );
      expect(row.kind).toBe('API_CLIENT');
    }, 60_000);

    it('create --member reuses the existing member (any case of address and role); an unknown address makes one', async () => {
      const principals = await count('principals');
      const out = ok('token', 'create', '--member', 'CLI@Example.org', '--role', 'contact_person');
      expect(out).toContain('Token created for CLI Testperson (MEMBER) in region-skane, role CONTACT_PERSON.');
      expect(await count('principals')).toBe(principals);

      const created = ok(
        'token',
        'create',
        '--member',
        'ny@example.org',
        '--organisation',
        'region-skane',
        '--name',
        'Ny Person',
        '--role',
        'Reader',
      );
      expect(created).toContain('Token created for Ny Person (MEMBER) in region-skane, role READER.');
      expect(await count('principals')).toBe(principals + 1);
      expect(ok('token', 'create', '--member', 'ny@example.org', '--role', 'READER')).toContain('Ny Person');
      expect(await count('principals')).toBe(principals + 1);
    }, 60_000);

    it('list shows the token without its secret or hash', async () => {
      const out = ok('token', 'list', '--organisation', 'region-skane');
      const line = out.split('\n').find((l) => l.startsWith(tokenId))!;
      expect(line).toContain(token.slice(0, 10));
      expect(line).toContain('CLI Testperson');
      expect(line).toContain('region-skane');
      expect(out).not.toContain(token);
      expect(out).not.toContain(createHash('sha256').update(token).digest('hex'));
      expect(ok('token', 'list', '--organisation', 'region-stockholm')).not.toContain(tokenId);
    }, 60_000);

    it('revoke marks the token revoked; a second revoke fails', async () => {
      expect(ok('token', 'revoke', tokenId)).toContain('revoked at');
      const [row] = await db.query(`SELECT revoked_at FROM api_tokens WHERE id = '${tokenId}'`);
      expect(row.revoked_at).toEqual(expect.any(String));
      expect((await new TokenService(new SqlReader(db)).authenticate(`Bearer ${token}`)).error).toBe(
        'the token has been revoked',
      );
      expect(await db.query(`SELECT type FROM events WHERE subject_id = '${tokenId}' ORDER BY seq`)).toEqual([
        { type: 'TOKEN_CREATED' },
        { type: 'TOKEN_REVOKED' },
      ]);

      const again = cli('token', 'revoke', tokenId);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already revoked');
    }, 60_000);

    it.each([
      [
        ['--organisation', 'no-such-org', '--role', 'READER', '--name', 'X'],
        'Organisation "no-such-org" was not found',
      ],
      [
        ['--organisation', 'region-skane', '--role', 'READER', '--name', 'X', '--expires', '2020-01-01'],
        'expiresAt: 2020-01-01T00:00:00.000Z is in the past',
      ],
      [
        ['--organisation', 'region-skane', '--role', 'READER', '--name', 'X', '--expires', 'tomorrow'],
        'expiresAt: "tomorrow" must be a date',
      ],
    ])(
      'create %j fails with a one-line message (a bad value: exit code 2; an unknown organisation: 1)',
      async (args, message) => {
        const principals = await count('principals');
        const r = cli('token', 'create', ...args);
        expect(r.status).toBe(message.startsWith('Organisation') ? 1 : 2);
        expect(r.stderr).toContain(`error: ${message}`);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(await count('principals')).toBe(principals);
      },
      60_000,
    );

    it('organisations lists the codes and names', () => {
      const out = ok('organisations');
      expect(out.split('\n')[0]).toMatch(/^CODE\s+NAME\s+KIND$/);
      expect(out).toMatch(/^region-skane\s+Region Skåne\s+REGION$/m);
    }, 60_000);

    it('revoke of an unknown token fails with exit code 1', () => {
      const r = cli('token', 'revoke', '00000000-0000-0000-0000-000000000000');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Token "00000000-0000-0000-0000-000000000000" was not found');
    }, 60_000);
  });

  (usingPostgres() ? it.skip : it)(
    'restore replaces the SQLite database with a backup, refused while the database is open, keeping the replaced file',
    async () => {
      const backup = join(tempDir!, 'backup.sqlite');
      ok('backup', backup);
      const before = await count('principals');
      ok('token', 'create', '--organisation', 'region-skane', '--role', 'READER', '--name', 'Efter backup', '--client');
      expect(await count('principals')).toBe(before + 1);

      // The test's own connection has the database open, as a running server would.
      const refused = cli('restore', backup);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('is in use (the server or another command has it open): stop it, then restore');

      await db.destroy();
      const restored = cli('restore', backup);
      expect(restored.status).toBe(0);
      const previous = /kept as (\S+)\.$/m.exec(restored.stdout)![1]!;
      await open();
      expect(await count('principals')).toBe(before);
      const old = new DataSource({ type: 'better-sqlite3', database: previous });
      await old.initialize();
      expect(Number((await old.query('SELECT COUNT(*) AS n FROM principals'))[0].n)).toBe(before + 1);
      await old.destroy();

      const notOurs = join(tempDir!, 'other.sqlite');
      const other = new DataSource({ type: 'better-sqlite3', database: notOurs });
      await other.initialize();
      await other.query('CREATE TABLE t (a)');
      await other.destroy();
      await db.destroy();
      const wrong = cli('restore', notOurs);
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain('is not a kemkollen database');
      await db.initialize();
    },
    120_000,
  );
  it('identity-provider add, list, update and remove: the client secret from the environment, stored encrypted, never shown', async () => {
    await seeded();
    const provider = ['--issuer', 'https://login.example.se/tenant/v2.0', '--client-id', 'kk', '--role-claim', 'roles'];
    const withSecret = (...args: string[]): Run => {
      const r = spawnSync(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        env: { ...env, IDP_CLIENT_SECRET: 'cli-secret-value' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    // `identity-provider add` for Kalmar with the provider above and the given role mappings.
    const add = (run: (...args: string[]) => Run, ...maps: string[]) =>
      run(
        'identity-provider',
        'add',
        '--organisation',
        'region-kalmar',
        ...provider,
        ...maps.flatMap((m) => ['--map', m]),
      );
    const noSecret = add(cli, 'a=READER');
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain('IDP_CLIENT_SECRET');
    const badRole = add(withSecret, 'a=SUPPLIER');
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('roleMappings[0].role must be one of READER');

    const added = add(withSecret, 'kk.read=reader', 'kk.admin=ADMIN');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('roles: kk.read=READER, kk.admin=ADMIN');
    const id = added.stdout.split(/\s+/)[0]!;
    expect(added.stdout + added.stderr).not.toContain('cli-secret-value');
    expect(JSON.stringify(await db.query('SELECT * FROM identity_providers'))).not.toContain('cli-secret-value');
    expect(ok('identity-provider', 'list', '--organisation', 'region-kalmar')).toContain(id);
    expect(ok('identity-provider', 'update', id, '--client-id', 'kk2')).toContain('client kk2');
    expect(ok('identity-provider', 'remove', id)).toContain('removed');
    expect(ok('identity-provider', 'list', '--organisation', 'region-kalmar')).toContain('No identity providers.');
  });
});
