import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { RateLimitConfig } from '../../config/hardening.config.js';
import { sendHttpError } from '../http/http-error.js';

/** The bearer token of a request, if it sends one. */
function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/** Keys never hold the token itself: a leaked key store cannot be replayed. */
const tokenKey = (token: string) => `token:${createHash('sha256').update(token).digest('base64url')}`;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Keys kept per limit in memory (an LRU): far more than the clients an instance serves in a window. */
const KEYS_KEPT = 50_000;

/** Where the counters live: in this instance's memory, or in Redis under `namespace`, shared by every instance. */
export interface RateLimitStore {
  redisUrl: string | null;
  /** The key prefix in Redis: one per registry (its database), so instances of one registry share counts. */
  namespace: string;
  /** TRUST_PROXY is set: an upgrade's address is the forwarded one (see upgradeAddress). */
  trustProxy?: boolean;
}

/**
 * Rate limits for the GraphQL endpoint (@fastify/rate-limit: in memory per instance, or, when
 * REDIS_URL is set, counters in Redis that every instance shares, so N instances do not grant N
 * budgets; the plugin's own Redis store, an atomic Lua INCR with expiry): one budget per bearer token (hashed) and
 * one per client address (IPv6 by /56 subnet; behind a proxy set TRUST_PROXY so the address is the
 * client's). The same budgets count every route in `paths` (the GraphQL endpoint and the import
 * upload: a file sent over POST /imports costs a request like a GraphQL operation). A refusal is HTTP 429 with Retry-After and a GraphQL-shaped JSON error, code
 * RATE_LIMITED, naming the limit. Only the routes in `paths` are limited: the health endpoints never are.
 *
 * The plugin counts (`createRateLimit`); the refusal is written here, so it has the same shape as
 * every other error of the HTTP layer. While Redis is unreachable requests are let through
 * (`skipOnError`): the limits protect the service, and an outage of Redis should not stop it.
 */
export async function registerRateLimits(
  app: NestFastifyApplication,
  config: RateLimitConfig,
  paths: readonly string[],
  store: RateLimitStore = { redisUrl: null, namespace: '' },
) {
  if (!config.enabled) return;
  const fastify = app.getHttpAdapter().getInstance();
  if (store.redisUrl) {
    // No offline queue and one attempt: a count Redis cannot give at once is skipped, not waited for.
    const redis = new Redis(store.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 100, 2000),
    });
    redis.on('error', () => undefined); // reported by /health/ready (Redis); counting then skips
    fastify.addHook('onClose', async () => {
      redis.disconnect();
    });
    await app.register(fastifyRateLimit, { global: false, redis, nameSpace: store.namespace, skipOnError: true });
  } else {
    await app.register(fastifyRateLimit, { global: false, cache: KEYS_KEPT });
  }
  const limits = [
    {
      what: 'perAddress' as const,
      max: config.perAddress,
      check: fastify.createRateLimit({
        max: config.perAddress,
        timeWindow: config.windowMs,
        keyGenerator: (request) => `address:${normalizeIP(request.ip ?? 'unknown', 56)}`,
      }),
    },
    {
      what: 'perToken' as const,
      max: config.perToken,
      check: fastify.createRateLimit({
        max: config.perToken,
        timeWindow: config.windowMs,
        // Requests without a token are counted by address only (skipped below).
        keyGenerator: (request) => tokenKey(bearer(request) ?? ''),
      }),
    },
  ].filter((limit) => limit.max > 0);
  if (config.upgradesPerAddress > 0)
    limitUpgrades(
      app,
      config,
      fastify.createRateLimit({
        max: config.upgradesPerAddress,
        timeWindow: config.windowMs,
        keyGenerator: (request) => `upgrade:${normalizeIP(request.ip ?? 'unknown', 56)}`,
      }),
      store.trustProxy ?? false,
    );
  fastify.addHook('onRequest', async (request, reply) => {
    if (!paths.includes(request.routeOptions.url ?? '')) return;
    for (const { what, max, check } of limits) {
      if (what === 'perToken' && bearer(request) === null) continue;
      const outcome = await check(request);
      if (outcome.isAllowed || !outcome.isExceeded) continue;
      const retryAfter = seconds(outcome.ttl);
      const window = seconds(config.windowMs);
      const who = what === 'perToken' ? 'this token' : 'this address';
      void reply.header('retry-after', String(retryAfter));
      return sendHttpError(
        reply,
        429,
        'RATE_LIMITED',
        `Rate limit exceeded: at most ${max} requests per ${window} s from ${who} (${what}); retry in ${retryAfter} s`,
        { limit: what, max, windowSeconds: window, retryAfter },
      );
    }
  });
}

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
type Check = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttl?: number }>;

/**
 * The client address of an upgrade request, which never passes through Fastify's routing: the
 * socket's address, or behind a trusted proxy (TRUST_PROXY set) the first X-Forwarded-For entry,
 * as Fastify takes it with `trustProxy: true`.
 */
function upgradeAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  return (trustProxy && first) || request.socket.remoteAddress || 'unknown';
}

/**
 * WebSocket upgrades per client address (WS_UPGRADES_PER_ADDRESS per RATE_LIMIT_WINDOW_MS), counted
 * by the same store as the request limits (Redis when configured). An upgrade never reaches
 * Fastify's hooks: once the server is ready (graphql-ws has added its `upgrade` listener), the
 * listeners are wrapped, and an upgrade over the limit is answered 429 with Retry-After and a JSON
 * error, its socket closed, before the WebSocket server sees it.
 */
function limitUpgrades(app: NestFastifyApplication, config: RateLimitConfig, check: Check, trustProxy: boolean): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onReady', async () => {
    const server = fastify.server;
    const listeners = server.listeners('upgrade') as UpgradeListener[];
    server.removeAllListeners('upgrade');
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const pass = () => listeners.forEach((listener) => listener.call(server, request, socket, head));
      const probe = {
        ip: upgradeAddress(request, trustProxy),
        routeOptions: { config: {} },
      } as unknown as FastifyRequest;
      check(probe).then(
        (outcome) => {
          if (outcome.isAllowed || !outcome.isExceeded) return pass();
          const retryAfter = seconds(outcome.ttl ?? config.windowMs);
          const body = JSON.stringify({
            errors: [
              {
                message: `Rate limit exceeded: at most ${config.upgradesPerAddress} WebSocket connections per ${seconds(config.windowMs)} s from this address (wsUpgradesPerAddress); retry in ${retryAfter} s`,
                extensions: {
                  code: 'RATE_LIMITED',
                  limit: 'wsUpgradesPerAddress',
                  max: config.upgradesPerAddress,
                  retryAfter,
                },
              },
            ],
          });
          socket.end(
            `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${retryAfter}\r\nContent-Type: application/json\r\n` +
              `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
          );
        },
        () => pass(),
      );
    });
  });
}
