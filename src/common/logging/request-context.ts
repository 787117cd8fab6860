import { randomUUID } from 'node:crypto';

/** A client's own id is kept when it is a plain token of at most 128 characters; otherwise one is made. */
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * A request's id: the client's `x-request-id` when it is sensible, else a new UUID (Fastify's genReqId;
 * echoed in the response's `x-request-id`, even on refusals: see http-hardening.ts).
 */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && CLIENT_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * A log message that names the request it is about. JsonLogger writes the id in the line's
 * `requestId`; Nest's console logger prints `toString()`.
 *
 * Why the id travels with the message rather than in an AsyncLocalStorage: on Node 20 an
 * AsyncLocalStorage in use puts a hook on every promise the process makes, and a GraphQL request
 * makes hundreds; that cost a lookup a sixth of its time (bench/report.md). The lines that need
 * the id are the ones about a failed request, and those know their request (see requestIdOfError).
 */
export class RequestLogMessage {
  constructor(
    readonly message: string,
    readonly requestId: string | undefined,
  ) {}

  toString(): string {
    return this.requestId ? `${this.message} (request ${this.requestId})` : this.message;
  }
}

const errorRequests = new WeakMap<object, string>();

/** Remembers which request met an error (the GraphQL layer tags them; see graphql/request-id.plugin.ts). */
export function tagErrorWithRequest(error: unknown, requestId: string | undefined): void {
  if (requestId && typeof error === 'object' && error !== null) errorRequests.set(error, requestId);
}

/** The request an error (or an error it wraps) was tagged with, if any. */
export function requestIdOfError(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current = error as { originalError?: unknown; cause?: unknown } | null | undefined;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const id = errorRequests.get(current);
    if (id) return id;
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return undefined;
}
