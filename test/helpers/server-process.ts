import { onPostgres } from './test-app.js';
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The BUILT server (`node dist/main.js`, as `npm start` runs it) in a child process, for what an
 * in-process app cannot show: kill -9, SIGTERM, production logs on stdout. Its database is a
 * temporary SQLite file, or a schema of its own in DATABASE_URL's PostgreSQL database.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'main.js');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

/** The newest modification time of the TypeScript sources. */
function newestSource(dir = join(ROOT, 'src')): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestSource(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0,
    );
  }
  return newest;
}

/** Builds dist/ for the suites that spawn it, unless it is newer than every source already. */
export function buildDist(): void {
  const built = [MAIN, CLI].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  if (Math.min(...built) > newestSource()) return;
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch (error) {
    throw new Error(`the build failed:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`, { cause: error });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A database for child processes: its environment, and how to remove it. */
export interface ScratchDatabase {
  env: NodeJS.ProcessEnv;
  /** The SQLite file (null on PostgreSQL). */
  sqlitePath: string | null;
  dir: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(extra: NodeJS.ProcessEnv = {}): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'kemkollen-proc-'));
  // No development identity provider in the spawned services: suites run side by side, and none signs in through it.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DEV_IDP: 'false', ...extra };
  let schema: string | null = null;
  if (process.env.DATABASE_URL) {
    schema = `proc_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await onPostgres(`CREATE SCHEMA ${schema}`);
    env.DATABASE_SCHEMA = schema;
  } else {
    delete env.DATABASE_URL;
    env.DATABASE_PATH = join(dir, 'db.sqlite');
  }
  return {
    env,
    sqlitePath: schema ? null : (env.DATABASE_PATH as string),
    dir,
    async drop() {
      if (schema) await onPostgres(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the built CLI on the same database. */
export function runCli(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything the server wrote to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    headers: Headers;
    data?: T;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts dist/main.js on `env` and waits until /health/live answers. Tried twice: another suite
 * (test/cli.e2e-spec.ts) may be rewriting dist/ at that very moment.
 */
export async function startServer(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ServerProcess> {
  try {
    return await startServerOnce(env, timeoutMs);
  } catch {
    await new Promise((r) => setTimeout(r, 1000));
    return startServerOnce(env, timeoutMs);
  }
}

async function startServerOnce(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`the server exited during start:\n${err}${out}`);
    try {
      const res = await fetch(`${base}/health/live`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within ${timeoutMs} ms:\n${err}${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = `${base}/graphql`;
  return {
    child,
    url,
    port,
    stdout: () => out,
    stderr: () => err,
    exited,
    async gql(query, variables, token, headers = {}) {
      const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
      if (token) h.authorization = `Bearer ${token}`;
      const res = await fetch(url, { method: 'POST', headers: h, body: JSON.stringify({ query, variables }) });
      const text = await res.text();
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
      }
      return { ...body, status: res.status, headers: res.headers };
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** The bearer token printed by `cli token create`. */
export function createToken(env: NodeJS.ProcessEnv, organisation: string, role: string): string {
  const r = runCli(
    env,
    'token',
    'create',
    '--organisation',
    organisation,
    '--role',
    role,
    '--name',
    `Fault tester ${role}`,
  );
  const token = /kk_[A-Za-z0-9_-]{43}/.exec(r.stdout)?.[0];
  if (r.status !== 0 || !token) throw new Error(`token create failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return token;
}
