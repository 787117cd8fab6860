import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { EVENTS_TOPIC, PUB_SUB } from './event-log.service.js';
import { RedisEventPubSub } from './pub-sub.factory.js';

/** Called with the newest committed `seq` each time it grows. */
export type HeadListener = (head: number) => void;

/**
 * The instance's one reader of the log's head (the newest committed `seq`), shared by all its
 * subscribers and WebSocket connections.
 *
 * PubSub notifications carry nothing but `{seq}` and serve only as a wake-up: on each one (and on
 * a timer, EVENTS_POLL_MS, so a notification lost while Redis was down, or a write by another
 * process without Redis, waits at most that long) the feed reads `MAX(seq)` from the database and
 * tells its listeners when it moved. Concurrent wake-ups coalesce into one query. Listeners read the
 * events themselves, by cursor, so a lost, late or duplicated notification can never make them
 * miss or repeat one. The feed listens to the PubSub and polls only while it has listeners.
 */
@Injectable()
export class EventFeedService implements OnModuleDestroy {
  private readonly logger = new Logger(EventFeedService.name);
  private readonly listeners = new Set<HeadListener>();
  private head = 0;
  private subscription: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopReconnect: (() => void) | null = null;
  private reading = false;
  private again = false;

  constructor(
    private readonly reader: SqlReader,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Registers a listener (and starts listening and polling with the first). Returns its removal. */
  listen(listener: HeadListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) this.stop();
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * The newest committed `seq` (0 for an empty log). SqlReader reads on the main connection, which
   * sees only committed data on both engines (on SQLite, transactions run on a private writer
   * connection: see TransactionService), as every read of the log does.
   */
  async readHead(): Promise<number> {
    const row = await this.reader.one<{ head: number | string | null }>('SELECT MAX(seq) AS head FROM events');
    return Number(row?.head ?? 0);
  }

  /** Re-reads the head soon; listeners hear of it if it moved. Safe to call any number of times. */
  wake(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void this.readLoop();
  }

  private async readLoop(): Promise<void> {
    try {
      do {
        this.again = false;
        const head = await this.readHead();
        if (head > this.head) {
          this.head = head;
          for (const listener of [...this.listeners]) listener(head);
        }
      } while (this.again && this.listeners.size > 0);
    } catch (error) {
      this.logger.warn(`reading the event log's head failed: ${(error as Error).message}; retrying at the next poll`);
    } finally {
      this.reading = false;
    }
  }

  private start(): void {
    const subscription = this.pubSub.subscribe(EVENTS_TOPIC, () => this.wake(), {});
    subscription.catch((error: Error) =>
      this.logger.warn(
        `subscribing to event notifications failed: ${error.message}; polling every ${this.config.eventsPollMs} ms`,
      ),
    );
    this.subscription = subscription;
    // Notifications published while Redis was down are gone: look at once when it is back.
    if (this.pubSub instanceof RedisEventPubSub) this.stopReconnect = this.pubSub.onReconnect(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.config.eventsPollMs);
    this.timer.unref();
  }

  private stop(): void {
    this.subscription?.then(
      (id) => this.pubSub.unsubscribe(id),
      () => undefined,
    );
    this.subscription = null;
    this.stopReconnect?.();
    this.stopReconnect = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  onModuleDestroy(): void {
    this.listeners.clear();
    this.stop();
  }
}
