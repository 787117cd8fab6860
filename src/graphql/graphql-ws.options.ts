import { Logger } from '@nestjs/common';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  type ExecutionArgs,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type Context as WsContext, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { ApiTokenEntity } from '../auth/principal.entity.js';
import type { AuthState } from '../auth/principal.js';
import type { TokenService } from '../auth/token.service.js';
import { formatGraphQLError } from '../common/errors/format-error.js';
import { ReadCaches } from '../database/read/cache/read-caches.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { Loaders } from '../database/read/loaders/loaders.js';
import type { SqlReader } from '../database/read/sql-reader.js';
import { nowIso } from '../common/time.js';
import type { AppConfig } from '../config/configuration.js';
import type { EventFeedService } from '../events/event-feed.service.js';
import { checkOperation } from './query-limits.js';
import { cookieOf, csrfRefusal, ownOrigin } from '../sign-in/request-origin.js';
import { SESSION_COOKIE, type SessionsService } from '../sign-in/sessions.service.js';

type Ctx = WsContext<Record<string, unknown> | undefined, Extra>;

/** What one WebSocket connection authenticated with in its `connection_init`. */
interface Session {
  /** `connectionParams.authorization`, re-checked for every subscription; null: anonymous. */
  header: string | null;
  /** The token, re-checked periodically while the socket is open; null: anonymous or a session. */
  tokenId: string | null;
  /** The session cookie of the upgrade request (a person signed in through an identity provider), when no token. */
  cookie: string | null;
  /** That session's id, re-checked like a token (ended, idle, expired: the socket closes). */
  sessionId: string | null;
  /** When it was acknowledged (ms), and the event log's head then. */
  connectedAt: number;
  head: number;
}

/**
 * How long after connecting a subscription without a cursor still starts from the connection's
 * moment rather than its own: a client subscribes right after connecting, and may write right after
 * subscribing, before the server has even read the subscribe message.
 */
const LIVE_FROM_CONNECT_MS = 10_000;

/** The graphql-ws context (`ctx`) is an object with `extra.socket`; Apollo's HTTP context has `req` and `res`. */
export const isWsContext = (arg: unknown): arg is Ctx =>
  typeof arg === 'object' &&
  arg !== null &&
  'extra' in arg &&
  typeof (arg as { extra?: { socket?: unknown } }).extra?.socket === 'object';

/** `connectionParams.authorization` ("Bearer <token>"); undefined when present but not text. */
function authorizationOf(params: Record<string, unknown> | undefined): string | null | undefined {
  const value = params?.authorization ?? params?.Authorization;
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value : undefined;
}

/** A WebSocket close reason is at most 123 bytes. */
const closeReason = (reason: string): string =>
  Buffer.byteLength(reason) <= 123 ? reason : `${reason.slice(0, 100)}…`;

/**
 * GraphQL over WebSocket (graphql-ws, path /graphql): who may connect, the context of each
 * operation, the query limits, and disconnecting revoked tokens. Made by GraphQLOptionsFactory,
 * next to the HTTP context.
 *
 * - `connection_init`: `connectionParams.authorization` is checked like the HTTP header. A bad,
 *   expired or revoked token closes the socket with 4403 Forbidden (graphql-ws does that when
 *   onConnect returns false). No token: the connection is anonymous and may do what anonymous
 *   callers may (the guard refuses every subscription, which needs READER).
 * - Each subscription: the token is authenticated again (a revoked one closes the socket with 4403)
 *   and the context is `{ req, auth, loaders }` like on HTTP, so `@Allow`, the global AuthGuard,
 *   `@CurrentPrincipal` and the field resolvers' visibility rules work unchanged.
 * - Only subscriptions: queries and mutations go over HTTP, where the rate limits apply.
 *   Every subscription document passes the same query limits as on HTTP (`checkOperation`).
 * - Revocation while connected: the tokens of all open connections are checked in one query
 *   every WS_TOKEN_RECHECK_MS, and at once whenever the event log grows (a revocation appends
 *   TOKEN_REVOKED, which every instance hears of through the event feed); a connection whose
 *   token was revoked or has expired is closed with 4403, which ends its subscriptions.
 */
export class GraphQLWsOptions {
  private readonly logger = new Logger('GraphQLWs');
  private readonly sessions = new Map<Extra['socket'], Session>();
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => void) | null = null;
  private checking = false;
  private checkAgain = false;

  constructor(
    private readonly config: AppConfig,
    private readonly reader: SqlReader,
    private readonly tokens: TokenService,
    private readonly feed: EventFeedService,
    private readonly schema: () => GraphQLSchema,
    private readonly caches: ReadCaches = ReadCaches.none,
    private readonly signInSessions: SessionsService | null = null,
  ) {}

  /** The `subscriptions['graphql-ws']` options of the Apollo driver. */
  options(
    path: string,
  ): GraphQLWsSubscriptionsConfig & Pick<ServerOptions<Record<string, unknown> | undefined, Extra>, 'onError'> {
    return {
      path,
      connectionInitWaitTimeout: 5000,
      onConnect: (ctx: Ctx) => this.onConnect(ctx),
      onClose: (ctx: Ctx) => this.forget(ctx.extra.socket),
      onSubscribe: (ctx: Ctx, _id: string, payload: SubscribePayload) => this.tooMany(ctx) ?? this.onSubscribe(payload),
      onNext: (_ctx: Ctx, _id: string, _payload: SubscribePayload, _args: ExecutionArgs, result) =>
        result.errors?.length
          ? { ...result, errors: result.errors.map((e) => formatWsError(e, 'BAD_USER_INPUT')) }
          : undefined,
      onError: (_ctx: Ctx, _id: string, _payload: SubscribePayload, errors: readonly GraphQLError[]) =>
        errors.map((e) =>
          formatWsError(e, /^Syntax Error/.test(e.message) ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED'),
        ),
    } as GraphQLWsSubscriptionsConfig & Pick<ServerOptions<Record<string, unknown> | undefined, Extra>, 'onError'>;
  }

  /** The context of one operation on a connection: authenticated again, fresh loaders. */
  async context(ctx: Ctx): Promise<GraphQLContext> {
    const session = this.sessions.get(ctx.extra.socket);
    const auth: AuthState = session?.header
      ? await this.tokens.authenticate(session.header)
      : session?.cookie && this.signInSessions
        ? await this.signInSessions.authenticate(session.cookie)
        : { principal: null, error: null };
    if (auth.error) this.close(ctx.extra.socket, auth.error);
    const young = session && Date.now() - session.connectedAt < LIVE_FROM_CONNECT_MS;
    return {
      req: ctx.extra.request as GraphQLContext['req'],
      auth,
      loaders: new Loaders(this.reader, this.caches),
      ...(young ? { liveFrom: session.head } : {}),
    };
  }

  private async onConnect(ctx: Ctx): Promise<boolean> {
    const header = authorizationOf(ctx.connectionParams);
    if (header === undefined) return false;
    // Without a token, the session cookie of the upgrade request: only from the web app's own origin.
    const headers = (ctx.extra.request?.headers ?? {}) as Record<string, string | string[] | undefined>;
    const cookie = header || !this.signInSessions ? null : (cookieOf(headers, SESSION_COOKIE) ?? null);
    if (cookie) {
      const refusal = csrfRefusal(headers, ownOrigin(headers, this.config.signIn.publicUrl), false);
      if (refusal) {
        this.logger.debug?.(`connection refused: ${refusal}`);
        return false;
      }
    }
    const auth = cookie ? await this.signInSessions!.authenticate(cookie) : await this.tokens.authenticate(header);
    if (auth.error) {
      this.logger.debug?.(`connection refused: ${auth.error}`);
      return false;
    }
    const head = await this.feed.readHead();
    this.sessions.set(ctx.extra.socket, {
      header,
      tokenId: cookie ? null : (auth.principal?.tokenId ?? null),
      cookie,
      sessionId: auth.principal?.sessionId ?? null,
      connectedAt: Date.now(),
      head,
    });
    if (auth.principal) this.startWatching();
    return true;
  }

  /**
   * A connection holds at most WS_MAX_SUBSCRIPTIONS subscriptions at once (graphql-ws keeps them in
   * `ctx.subscriptions`, the new one already reserved there): each holds a live read of the event
   * log, so one socket must not open thousands.
   */
  private tooMany(ctx: Ctx): readonly GraphQLError[] | null {
    const max = this.config.wsMaxSubscriptions;
    if (!max || Object.keys(ctx.subscriptions).length <= max) return null;
    return [
      new GraphQLError(
        `Too many subscriptions on this connection: at most ${max} at once (WS_MAX_SUBSCRIPTIONS); complete one first, or open another connection`,
        { extensions: { code: 'RATE_LIMITED', limit: 'wsMaxSubscriptions', max } },
      ),
    ];
  }

  private onSubscribe(payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
    const schema = this.schema();
    const checked = checkOperation(schema, this.config.queryLimits, {
      query: payload.query,
      variables: payload.variables,
      operationName: payload.operationName,
    });
    if (checked.errors) return checked.errors;
    const operation = getOperationAST(checked.document, payload.operationName);
    if (operation && operation.operation !== 'subscription') {
      return [
        new GraphQLError(
          'Only subscriptions are served over WebSocket: send queries and mutations over HTTP (POST /graphql)',
          { extensions: { code: 'BAD_REQUEST' } },
        ),
      ];
    }
    return {
      schema,
      document: checked.document,
      variableValues: payload.variables,
      operationName: payload.operationName,
    };
  }

  private forget(socket: Extra['socket']): void {
    this.sessions.delete(socket);
    if (![...this.sessions.values()].some((s) => s.tokenId || s.sessionId)) this.stopWatching();
  }

  private close(socket: Extra['socket'], reason: string): void {
    this.forget(socket);
    socket.close(CloseCode.Forbidden, closeReason(`Forbidden: ${reason}`));
  }

  private startWatching(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.recheck(), this.config.wsTokenRecheckMs);
    this.timer.unref();
    this.unlisten = this.feed.listen(() => void this.recheck());
  }

  private stopWatching(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unlisten?.();
    this.unlisten = null;
  }

  /** Closes every connection whose token has since been revoked, has expired or is gone. One query per 500 tokens. */
  private async recheck(): Promise<void> {
    if (this.checking) {
      this.checkAgain = true;
      return;
    }
    this.checking = true;
    try {
      do {
        this.checkAgain = false;
        const open = [...this.sessions].filter(([, s]) => s.tokenId);
        // (sessions of people signed in through an identity provider: recheckSessions, below)
        const ids = [...new Set(open.map(([, s]) => s.tokenId!))];
        const tokens = new Map<string, ApiTokenEntity>();
        for (let i = 0; i < ids.length; i += 500) {
          for (const row of await this.reader.findIn(ApiTokenEntity, 'id', ids.slice(i, i + 500)))
            tokens.set(row.id, row);
        }
        const now = nowIso();
        for (const [socket, session] of open) {
          const token = tokens.get(session.tokenId!);
          const reason = !token
            ? 'the token no longer exists'
            : token.revokedAt
              ? 'the token has been revoked'
              : token.expiresAt && token.expiresAt <= now
                ? 'the token has expired'
                : null;
          if (reason && this.sessions.has(socket)) this.close(socket, reason);
        }
        await this.recheckSessions();
      } while (this.checkAgain);
    } catch (error) {
      this.logger.warn(`re-checking the tokens of open WebSocket connections failed: ${(error as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  /** Closes every connection whose session has ended (signed out, ended by an ADMIN) or expired. */
  private async recheckSessions(): Promise<void> {
    if (!this.signInSessions) return;
    const open = [...this.sessions].filter(([, s]) => s.sessionId);
    if (!open.length) return;
    const closed = await this.signInSessions.closedAmong([...new Set(open.map(([, s]) => s.sessionId!))]);
    for (const [socket, session] of open)
      if (closed.has(session.sessionId!) && this.sessions.has(socket)) this.close(socket, 'the session has ended');
  }
}

/** Errors over WebSocket get the same treatment as over HTTP (formatGraphQLError), with the code Apollo would give. */
function formatWsError(error: GraphQLError, fallbackCode: string): GraphQLFormattedError {
  const json = error.toJSON();
  const code = json.extensions?.code ?? (error.originalError ? undefined : fallbackCode);
  return formatGraphQLError(code ? { ...json, extensions: { ...json.extensions, code } } : json, error);
}
