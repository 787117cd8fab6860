import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { DomainError } from './domain-error.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { queryLimitErrorOf } from './query-limit.error.js';
import { RequestLogMessage, requestIdOfError } from '../logging/request-context.js';

const logger = new Logger('GraphQL');

/** Codes Apollo and graphql-js assign themselves and which are safe to show as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'QUERY_LIMIT_EXCEEDED',
  'RATE_LIMITED',
]);

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * The one place where errors become GraphQL errors. Domain errors keep their code and message;
 * errors the client caused (parse, validation) pass through; anything else is logged with an
 * id and answered as INTERNAL_SERVER_ERROR without internals, so no stack or SQL reaches a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  const limit = queryLimitErrorOf(error);
  if (limit) {
    // Apollo wraps validation-rule errors as GRAPHQL_VALIDATION_FAILED: keep the limit's own code.
    const { http: _http, ...extensions } = limit.extensions;
    return { message: limit.message, locations: formatted.locations, extensions };
  }
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...(original.problems?.length ? { problems: original.problems } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (isCodelessClientError(error)) {
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, extensions: { ...extensions, code: 'BAD_REQUEST' } };
  }
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const errorId = randomUUID();
  if (isDatabaseUnavailable(original)) {
    // Retryable, and said so; the driver's own message (host, port) stays in the log.
    logger.warn(
      new RequestLogMessage(
        `[${errorId}] database unavailable: ${original instanceof Error ? original.message : String(original)}`,
        requestIdOfError(error),
      ),
    );
    return {
      message: `The database is unavailable; try again shortly (error id ${errorId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE', errorId },
    };
  }
  logger.error(
    new RequestLogMessage(
      `[${errorId}] ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
      requestIdOfError(error),
    ),
  );
  return {
    message: `Internal server error (error id ${errorId})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  };
}

/**
 * Apollo refuses some requests with a GraphQLError that has an HTTP status of 4xx but no code (a
 * persisted-query hash that does not match its query, an unsupported persisted-query version): the
 * client's mistake, answered BAD_REQUEST rather than INTERNAL_SERVER_ERROR, and not logged.
 */
function isCodelessClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions?.code !== undefined) return false;
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** True when a database error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
