import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, type INestApplication } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../../config/configuration.js';
import { requestIdOf } from '../logging/request-context.js';
import { sendHttpError } from './http-error.js';
import { registerRateLimits } from '../rate-limit/rate-limits.js';

const GRAPHQL_PATH = '/graphql';

/** TRUST_PROXY as Fastify takes it; a hop count trusts that many proxies in front of the service. */
function trustProxyOf(
  value: boolean | number | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/**
 * The Fastify adapter with the HTTP-level settings: the body limit (MAX_BODY_BYTES), `trustProxy`
 * from TRUST_PROXY (the rate limit's client address), and request ids made from the client's
 * `x-request-id` when it is sensible (requestIdOf) instead of Fastify's counter.
 */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.maxBodyBytes,
    trustProxy: trustProxyOf(config.trustProxy),
    requestIdHeader: false,
    genReqId: (raw: IncomingMessage) => requestIdOf(raw.headers['x-request-id']),
    logger: false,
  });
}

/** `charset=…` of a content type, lower-cased; null when there is none. */
const charsetOf = (contentType: string | undefined): string | null =>
  /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;

/**
 * Errors of the HTTP layer in front of GraphQL that Fastify raises before the route runs (malformed
 * JSON, a body over MAX_BODY_BYTES, an unsupported media type), answered as GraphQL-shaped JSON with
 * a fixed message. Nest hands them to its exception filters as HttpExceptions (FastifyAdapter's
 * `mapException`); on other paths (the health endpoints' 503) Nest's own answer stands. In a GraphQL
 * resolver nothing throws an HttpException; should one arrive there, `undefined` leaves it to Nest's
 * default handling.
 */
@Catch(HttpException)
export class GraphQLHttpErrorFilter extends BaseExceptionFilter implements ExceptionFilter {
  constructor(
    app: INestApplication,
    private readonly maxBodyBytes: number,
  ) {
    super(app.getHttpAdapter());
  }

  override catch(exception: HttpException, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return undefined;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (request.routeOptions?.url !== GRAPHQL_PATH) return super.catch(exception, host);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const code = (exception.cause as { code?: string } | undefined)?.code;
    const status = exception.getStatus();
    if (status === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      void sendHttpError(
        reply,
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than the ${this.maxBodyBytes} bytes allowed (MAX_BODY_BYTES)`,
      );
    else if (status === 415)
      void sendHttpError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON in UTF-8');
    else if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || status === 400)
      void sendHttpError(reply, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
    else void sendHttpError(reply, status, 'BAD_REQUEST', 'The request could not be read');
  }
}

/** One key prefix per registry (its database and schema): the instances of one registry share their counts. */
function rateLimitNamespace(config: AppConfig): string {
  const registry = `${config.databaseUrl ?? config.databasePath}#${config.databaseSchema ?? ''}`;
  return `kemkollen:rate-limit:${createHash('sha256').update(registry).digest('hex').slice(0, 16)}:`;
}

/**
 * The HTTP-level protection in front of GraphQL on Fastify, in this order for each request: a
 * request id (echoed as `x-request-id`, even on refusals), the rate limits on /graphql and the import routes, a charset
 * other than UTF-8 refused (415), then Fastify's body limit and JSON parser, whose refusals become
 * clean JSON errors (GraphQLHttpErrorFilter). Fastify sends no `X-Powered-By`. Call before the app
 * initialises (the GraphQL route is added then).
 */
/** The routes the rate limits count: GraphQL, and the import upload and template (plain HTTP routes). */
const RATE_LIMITED_PATHS = [GRAPHQL_PATH, '/imports', '/imports/template.xlsx'] as const;

export async function applyHttpHardening(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  await registerRateLimits(app, config.rateLimit, RATE_LIMITED_PATHS, {
    redisUrl: config.redisUrl,
    namespace: rateLimitNamespace(config),
    trustProxy: Boolean(config.trustProxy),
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const charset = request.routeOptions.url === GRAPHQL_PATH ? charsetOf(request.headers['content-type']) : null;
    // Answered here: the request goes no further (no `done`).
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8')
      void sendHttpError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON in UTF-8');
    else done();
  });
  app.useGlobalFilters(new GraphQLHttpErrorFilter(app, config.maxBodyBytes));
  // Graceful shutdown: Fastify's close stops accepting and closes idle keep-alive connections; a
  // connection whose request is still in flight would stay open after its answer (keep-alive) and
  // hold the close until its timeout. So once closing, each answer asks its client to close.
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}
