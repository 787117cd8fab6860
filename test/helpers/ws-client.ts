import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** How a socket ended: the close code and reason the server sent. */
export interface Closed {
  code: number;
  reason: string;
}

/**
 * A real graphql-ws client (the `ws` package as its WebSocket), connecting at once and never
 * retrying, so a refused connection shows up as `closed` with the server's code (4403 …).
 */
export class WsClient {
  readonly client: Client;
  /** Resolves when the socket closes, with the code and reason. */
  readonly closed: Promise<Closed>;
  /** Resolves when the server acknowledged connection_init. */
  readonly connected: Promise<void>;

  /** `webSocketImpl`: a `ws` subclass that sends headers on the upgrade (a browser's Cookie and Origin). */
  constructor(
    url: string,
    token: string | null,
    connectionParams?: Record<string, unknown>,
    webSocketImpl: typeof WebSocket = WebSocket,
  ) {
    let onClosed!: (c: Closed) => void;
    let onConnected!: () => void;
    this.closed = new Promise((resolve) => (onClosed = resolve));
    this.connected = new Promise((resolve) => (onConnected = resolve));
    this.client = createClient({
      url,
      webSocketImpl,
      lazy: false,
      retryAttempts: 0,
      connectionParams: connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
      on: {
        connected: () => onConnected(),
        closed: (event) => {
          const e = event as { code: number; reason: string | Buffer };
          onClosed({ code: e.code, reason: String(e.reason) });
        },
      },
      onNonLazyError: () => undefined,
    });
  }

  /** Starts a subscription and collects what arrives. */
  subscribe<T = any>(query: string, variables: Record<string, unknown> = {}): WsSubscription<T> {
    return new WsSubscription<T>(this.client, query, variables);
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}

/** One subscription's results, errors and completion, with waits that fail with what did arrive. */
export class WsSubscription<T = any> {
  readonly received: T[] = [];
  readonly errors: unknown[] = [];
  done = false;
  private readonly stop: () => void;
  private listeners: Array<() => void> = [];

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.stop = client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors?.length) this.errors.push(...result.errors);
          const data = result.data ? Object.values(result.data)[0] : undefined;
          if (data !== undefined && data !== null) this.received.push(data);
          this.notify();
        },
        error: (error) => {
          // graphql-ws hands over the `error` message's list of GraphQL errors, or a CloseEvent / Error.
          if (Array.isArray(error)) this.errors.push(...error);
          else this.errors.push(error);
          this.done = true;
          this.notify();
        },
        complete: () => {
          this.done = true;
          this.notify();
        },
      },
    );
  }

  /** Waits until `n` results have arrived (or fails after `timeoutMs`, listing what came). */
  async waitFor(n: number, timeoutMs = 10_000): Promise<T[]> {
    await this.until(() => this.received.length >= n, timeoutMs, `${n} events`);
    return this.received.slice(0, n);
  }

  /** Waits until an error or the end of the subscription. */
  async waitForEnd(timeoutMs = 10_000): Promise<void> {
    await this.until(() => this.done || this.errors.length > 0, timeoutMs, 'the end of the subscription');
  }

  /** Lets `ms` pass (for asserting that nothing more arrives). */
  static settle(ms = 400): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  unsubscribe(): void {
    this.stop();
  }

  private until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; received ${this.received.length}: ${JSON.stringify(this.received)}; errors: ${JSON.stringify(this.errors)}`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      this.listeners.push(check);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
