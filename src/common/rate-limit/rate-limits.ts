import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
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
}

/**
 * Rate limits for the GraphQL endpoint (@fastify/rate-limit: in memory per instance, or, when
 * REDIS_URL is set, counters in Redis that every instance shares, so N instances do not grant N
 * budgets; the plugin's own Redis store, an atomic Lua INCR with expiry): one budget per bearer token (hashed) and
 * one per client address (IPv6 by /56 subnet; behind a proxy set TRUST_PROXY so the address is the
 * client's). A refusal is HTTP 429 with Retry-After and a GraphQL-shaped JSON error, code
 * RATE_LIMITED, naming the limit. Only /graphql is limited: the health endpoints never are.
 *
 * The plugin counts (`createRateLimit`); the refusal is written here, so it has the same shape as
 * every other error of the HTTP layer. While Redis is unreachable requests are let through
 * (`skipOnError`): the limits protect the service, and an outage of Redis should not stop it.
 */
export async function registerRateLimits(
  app: NestFastifyApplication,
  config: RateLimitConfig,
  path: string,
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
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== path) return;
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
