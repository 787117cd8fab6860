import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the logs know about the request being served. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request id of the request being served, if any (JsonLogger adds it to every line). */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

/** A client's own id is kept when it is a plain token of at most 128 characters; otherwise one is made. */
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type Req = IncomingMessage & { id?: string };

/**
 * Gives every request an id: the client's `x-request-id` when it is sensible, else a UUID; echoed
 * in the response's `x-request-id` header. Runs first, so even refusals (rate limit, bad JSON) carry it.
 */
export function requestIdMiddleware(req: Req, res: ServerResponse, next: () => void): void {
  const incoming = req.headers['x-request-id'];
  req.id = typeof incoming === 'string' && CLIENT_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', req.id);
  next();
}

/**
 * Makes the request id visible to everything the request runs (resolvers, formatGraphQLError's
 * log lines). Registered after the body parser: a stream's events would lose the async context.
 */
export function requestContextMiddleware(req: Req, _res: ServerResponse, next: () => void): void {
  storage.run({ requestId: req.id ?? randomUUID() }, next);
}
