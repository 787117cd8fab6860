import { Logger, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../../config/configuration.js';
import { RequestLogMessage, requestIdMiddleware } from '../logging/request-context.js';
import { rateLimiters } from '../rate-limit/rate-limit.middleware.js';

const logger = new Logger('HTTP');

/** body-parser's errors carry a `type` and an HTTP status. */
interface BodyParserError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Errors of the HTTP layer in front of GraphQL (malformed JSON, a body over MAX_BODY_BYTES, an
 * unknown charset) answered as GraphQL-shaped JSON with a fixed message: never the parser's text
 * or a stack. Anything unexpected is logged with the request id and answered 500 without details.
 */
function graphqlHttpErrors(maxBodyBytes: number) {
  return (error: BodyParserError, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    switch (error.type) {
      case 'entity.parse.failed':
        return sendError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      case 'entity.too.large':
        return sendError(
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `The request body is larger than the ${maxBodyBytes} bytes allowed (MAX_BODY_BYTES)`,
        );
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON in UTF-8');
      default:
        if (status >= 400 && status < 500)
          return sendError(res, status, 'BAD_REQUEST', 'The request could not be read');
        logger.error(
          new RequestLogMessage(
            `HTTP layer error on ${req.method} ${req.url?.split('?')[0]}: ${error.stack ?? error.message}`,
            (req as { id?: string }).id,
          ),
        );
        return sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
}

/**
 * The HTTP-level protection in front of GraphQL, in this order: a request id on every request, the
 * rate limits on /graphql, the JSON body parser with MAX_BODY_BYTES, clean JSON errors for what
 * it refuses. Also: no `X-Powered-By`, and Express's
 * `trust proxy` from TRUST_PROXY (the rate limit's client address). Call before the app initialises,
 * so these run before Apollo's middleware.
 */
export function applyHttpHardening(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustProxy);
  express.use(requestIdMiddleware);
  for (const limiter of rateLimiters(config.rateLimit)) express.use('/graphql', limiter);
  express.useBodyParser('json', { limit: config.maxBodyBytes });
  express.use('/graphql', graphqlHttpErrors(config.maxBodyBytes));
}
