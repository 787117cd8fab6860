import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ipKeyGenerator, rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import type { RateLimitConfig } from '../../config/hardening.config.js';

type Req = IncomingMessage & { ip?: string };

/** The bearer token of a request, if it sends one. */
function bearer(req: Req): string | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/** Keys never hold the token itself: a leaked key store cannot be replayed. */
const tokenKey = (token: string) => `token:${createHash('sha256').update(token).digest('base64url')}`;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Rate limits for the GraphQL endpoint (express-rate-limit, in-memory per instance): one budget
 * per bearer token (hashed) and one per client address (IPv6 by /56 subnet; behind a proxy set
 * TRUST_PROXY so the address is the client's). A refusal is HTTP 429 with Retry-After and a
 * GraphQL-shaped JSON error, code RATE_LIMITED, naming the limit. Health endpoints are not
 * behind it (it is mounted on /graphql only).
 */
export function rateLimiters(config: RateLimitConfig): RateLimitRequestHandler[] {
  if (!config.enabled) return [];
  const refuse =
    (what: 'perToken' | 'perAddress', max: number) =>
    (req: Req & { rateLimit?: { resetTime?: Date } }, res: ServerResponse) => {
      const retryAfter = seconds((req.rateLimit?.resetTime?.getTime() ?? Date.now() + config.windowMs) - Date.now());
      const who = what === 'perToken' ? 'this token' : 'this address';
      res.statusCode = 429;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(
        JSON.stringify({
          errors: [
            {
              message: `Rate limit exceeded: at most ${max} requests per ${seconds(config.windowMs)} s from ${who} (${what}); retry in ${retryAfter} s`,
              extensions: {
                code: 'RATE_LIMITED',
                limit: what,
                max,
                windowSeconds: seconds(config.windowMs),
                retryAfter,
              },
            },
          ],
        }),
      );
    };
  const common = {
    windowMs: config.windowMs,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    // Checked by the README's TRUST_PROXY advice instead of a console warning in the JSON logs.
    validate: { xForwardedForHeader: false, trustProxy: false },
  };
  const limiters: RateLimitRequestHandler[] = [];
  if (config.perAddress > 0) {
    limiters.push(
      rateLimit({
        ...common,
        identifier: 'address',
        limit: config.perAddress,
        keyGenerator: (req) => `address:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`,
        handler: refuse('perAddress', config.perAddress),
      }),
    );
  }
  if (config.perToken > 0) {
    limiters.push(
      rateLimit({
        ...common,
        identifier: 'token',
        limit: config.perToken,
        skip: (req) => bearer(req) === null,
        keyGenerator: (req) => tokenKey(bearer(req)!),
        handler: refuse('perToken', config.perToken),
      }),
    );
  }
  return limiters;
}
