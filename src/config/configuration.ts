import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HardeningConfig, loadHardeningConfig } from './hardening.config.js';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** Typed configuration, read once from the environment (limits and production switches: hardening.config.ts). */
export interface AppConfig extends HardeningConfig {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  /** SQLite file used when no DATABASE_URL is set. */
  databasePath: string;
  /** postgres://… selects PostgreSQL. */
  databaseUrl: string | null;
  /** PostgreSQL schema to use (default public); tests give each suite its own. */
  databaseSchema: string | null;
  logLevel: LogLevel;
  /** Load reference data (and demo data outside production) into an empty database at start. */
  seedOnStart: boolean;
  /** Load the demo scenario (fictional suppliers, contracts, follow-ups, demo tokens). Never in production. */
  demoData: boolean;
  /** Milliseconds SQLite waits for a lock before SQLITE_BUSY. */
  sqliteBusyTimeoutMs: number;
  /** redis://… makes the event notifications a Redis PubSub, shared by every instance; null: in memory. */
  redisUrl: string | null;
  /** How often (ms) subscribers re-read the event log even without a notification (lost ones, other processes). */
  eventsPollMs: number;
  /** How often (ms) the tokens of open WebSocket connections are checked again (revoked, expired). */
  wsTokenRecheckMs: number;
  /** Measurements kept in memory per instance, by follow-up and version (see ReadCaches); 0: none. */
  /** The measurement cache's bound in (estimated) bytes of heap; 0: no cache. */
  measurementCacheBytes: number;
  /** HEAP_GROWING_PERCENT (default 50, at most 300; 0: V8's own): see src/common/memory/heap-policy.ts. */
  heapGrowingPercent: number;
  /** How long (ms) an instance answers a token check from memory; a revocation empties it at once (TokenCache). 0: never. */
  tokenCacheMs: number;
  /** Answer error-free query results with graphql-jit (GRAPHQL_JIT, default on; see jit.plugin.ts). */
  graphqlJit: boolean;
  /** The built web app served at `/` (WEB_DIST; default web/dist of this checkout, made by `npm run build`). */
  webDist: string;
  /**
   * The code of the one organisation whose ADMINs hold the registry-wide powers (creating
   * organisations) through the API (OPERATOR_ORGANISATION); null: only the operator's CLI holds them.
   */
  operatorOrganisation: string | null;
  /** The largest file POST /imports accepts, in bytes (IMPORT_MAX_MB, default 50). */
  importMaxBytes: number;
  /** Files larger than this (bytes; IMPORT_JOB_KB, default 1024) are imported as a background job with progress. */
  importJobBytes: number;
  /**
   * How often (ms; IMPORT_HEARTBEAT_MS, default 10000) the instance running an import job writes a
   * sign of life; a job silent for three times as long is reported FAILED (its instance stopped).
   */
  importHeartbeatMs: number;
  /** Sign-in through an organisation's identity provider (OpenID Connect) and the sessions it opens (src/sign-in). */
  signIn: SignInConfig;
}

/** Sessions and the identity providers' secrets (issue 15). */
export interface SignInConfig {
  /** A session not used for this long (seconds; SESSION_IDLE_MINUTES, default 30) has ended. */
  sessionIdleSeconds: number;
  /** A session ends this long after sign-in whatever its use (seconds; SESSION_ABSOLUTE_HOURS, default 10). */
  sessionAbsoluteSeconds: number;
  /**
   * The AES-256-GCM key that encrypts client secrets at rest (IDP_SECRET_KEY: 32 bytes as base64 or hex).
   * null: none set (production then refuses providers; development uses a fixed key, see secret-box.ts).
   */
  secretKey: Buffer | null;
  /** The web app's own origin, e.g. https://kemkollen.example.se (PUBLIC_URL); null: the request's Host. */
  publicUrl: string | null;
  /** Run the development identity provider (DEV_IDP, default on outside production; refused in production). */
  devIdentityProvider: boolean;
  /** Its port on 127.0.0.1 (DEV_IDP_PORT, default 3001). */
  devIdentityProviderPort: number;
}

function secretKey(value: string | undefined): Buffer | null {
  const text = value?.trim();
  if (!text) return null;
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32)
    throw new Error('IDP_SECRET_KEY must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)');
  return key;
}

function publicUrl(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL must be a URL such as https://kemkollen.example.se, got "${text}"`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`PUBLIC_URL must be http(s), got "${text}"`);
  return url.origin;
}

function loadSignInConfig(env: NodeJS.ProcessEnv, production: boolean): SignInConfig {
  const devIdp = bool(env.DEV_IDP, !production);
  if (devIdp && production)
    throw new Error('DEV_IDP: the development identity provider is refused in production (anyone could sign in)');
  return {
    // Minutes and hours for people; *_SECONDS (tests, drills) take precedence when set.
    sessionIdleSeconds: env.SESSION_IDLE_SECONDS
      ? positive('SESSION_IDLE_SECONDS', env.SESSION_IDLE_SECONDS, 1)
      : positive('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30) * 60,
    sessionAbsoluteSeconds: env.SESSION_ABSOLUTE_SECONDS
      ? positive('SESSION_ABSOLUTE_SECONDS', env.SESSION_ABSOLUTE_SECONDS, 1)
      : positive('SESSION_ABSOLUTE_HOURS', env.SESSION_ABSOLUTE_HOURS, 10) * 3600,
    secretKey: secretKey(env.IDP_SECRET_KEY),
    publicUrl: publicUrl(env.PUBLIC_URL),
    devIdentityProvider: devIdp,
    devIdentityProviderPort: int('DEV_IDP_PORT', env.DEV_IDP_PORT, 3001),
  };
}

/** web/dist at the repository root (the same from src/ under Jest and from dist/). */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function atLeast(min: number, name: string, n: number): number {
  if (n < min) throw new Error(`${name} must be at least ${min}, got "${n}"`);
  return n;
}

function atMost(max: number, name: string, n: number): number {
  if (n > max) throw new Error(`${name} must be at most ${max}, got "${n}"`);
  return n;
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/**
 * MEASUREMENT_CACHE_MB (default 16): the measurement cache's size in MiB of heap, as estimated per
 * row (see `measurementRowBytes`). The earlier MEASUREMENT_CACHE_ROWS is refused with a sentence
 * rather than ignored, so a deployment that set it learns of the change at once.
 */
function measurementCacheBytes(env: NodeJS.ProcessEnv): number {
  if (env.MEASUREMENT_CACHE_ROWS !== undefined)
    throw new Error(
      'MEASUREMENT_CACHE_ROWS is no longer read: the measurement cache is sized in bytes, set MEASUREMENT_CACHE_MB (default 16; 0 turns it off)',
    );
  return int('MEASUREMENT_CACHE_MB', env.MEASUREMENT_CACHE_MB, 16) * 2 ** 20;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  const n = int(name, value, fallback);
  if (n < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

function redisUrl(value: string | undefined): string | null {
  const url = value?.trim() || null;
  if (url && !/^rediss?:\/\//.test(url))
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${url.replace(/:[^:@/]*@/, ':***@')}")`);
  return url;
}

function schemaName(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value))
    throw new Error(`DATABASE_SCHEMA must be a lower-case SQL identifier, got "${value}"`);
  return value;
}

/** Builds the configuration from an environment; throws a readable error on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const logLevel = (env.LOG_LEVEL ?? 'log') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must start with postgres:// (got "${databaseUrl.replace(/:[^:@/]*@/, ':***@')}")`);
  }
  return {
    nodeEnv,
    production,
    port: int('PORT', env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databasePath: resolve(env.DATABASE_PATH ?? 'data/kemkollen.sqlite'),
    databaseUrl,
    databaseSchema: schemaName(env.DATABASE_SCHEMA),
    logLevel,
    seedOnStart: bool(env.SEED_ON_START, true),
    demoData: !production && bool(env.DEMO_DATA, true),
    sqliteBusyTimeoutMs: int('SQLITE_BUSY_TIMEOUT_MS', env.SQLITE_BUSY_TIMEOUT_MS, 5000),
    importMaxBytes: positive('IMPORT_MAX_MB', env.IMPORT_MAX_MB, 50) * 2 ** 20,
    importJobBytes: int('IMPORT_JOB_KB', env.IMPORT_JOB_KB, 1024) * 1024,
    importHeartbeatMs: atLeast(100, 'IMPORT_HEARTBEAT_MS', int('IMPORT_HEARTBEAT_MS', env.IMPORT_HEARTBEAT_MS, 10_000)),
    redisUrl: redisUrl(env.REDIS_URL),
    eventsPollMs: positive('EVENTS_POLL_MS', env.EVENTS_POLL_MS, 2000),
    wsTokenRecheckMs: positive('WS_TOKEN_RECHECK_MS', env.WS_TOKEN_RECHECK_MS, 5000),
    measurementCacheBytes: measurementCacheBytes(env),
    heapGrowingPercent: atMost(300, 'HEAP_GROWING_PERCENT', int('HEAP_GROWING_PERCENT', env.HEAP_GROWING_PERCENT, 50)),
    tokenCacheMs: int('TOKEN_CACHE_MS', env.TOKEN_CACHE_MS, 10_000),
    graphqlJit: bool(env.GRAPHQL_JIT, true),
    webDist: env.WEB_DIST ? resolve(env.WEB_DIST) : DEFAULT_WEB_DIST,
    operatorOrganisation: env.OPERATOR_ORGANISATION?.trim() || null,
    signIn: loadSignInConfig(env, production),
    ...loadHardeningConfig(env, production),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
