import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/configuration.js';

const logger = new Logger('PubSub');

/** Reconnect after 0.1 s, 0.2 s, … at most every 2 s, forever: a Redis restart heals by itself. */
export const redisRetryStrategy = (attempt: number): number => Math.min(attempt * 100, 2000);

/**
 * The PubSub behind `PUB_SUB` when REDIS_URL is set: notifications (`{seq}` only) reach every
 * instance. Two ioredis connections, because a connection in subscriber mode cannot publish.
 *
 * - Both reconnect forever (`retryStrategy`); the subscriber re-subscribes its channels on reconnect
 *   (ioredis `autoResubscribe`, the default).
 * - The publisher has no offline queue: while Redis is down a publish fails at once (logged by the
 *   caller) instead of holding the request that committed the write. The lost notification costs
 *   nothing but latency: subscribers read the log by cursor at the next notification or poll.
 */
export class RedisEventPubSub extends RedisPubSub implements OnApplicationShutdown {
  constructor(url: string) {
    const common: RedisOptions = {
      retryStrategy: redisRetryStrategy,
      connectionName: 'kemkollen-events',
      lazyConnect: false,
    };
    const publisher = new Redis(url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    // The subscriber waits for Redis however long it takes: its SUBSCRIBE must not fail.
    const subscriber = new Redis(url, { ...common, maxRetriesPerRequest: null });
    for (const [role, client] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      let down = false;
      client.on('error', (error: Error) => {
        if (!down) logger.warn(`Redis ${role}: ${error.message}; reconnecting`);
        down = true;
      });
      client.on('ready', () => {
        if (down) logger.log(`Redis ${role}: reconnected`);
        down = false;
      });
    }
    super({ publisher, subscriber });
  }

  /** 'ok' when both connections are ready; otherwise their state (e.g. 'reconnecting'). */
  status(): string {
    const states = [this.getPublisher().status, this.getSubscriber().status];
    return states.every((s) => s === 'ready') ? 'ok' : states.find((s) => s !== 'ready')!;
  }

  /** Calls `listener` each time the subscriber connection is ready again after a break. */
  onReconnect(listener: () => void): () => void {
    const subscriber = this.getSubscriber();
    subscriber.on('ready', listener);
    return () => void subscriber.off('ready', listener);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const client of [this.getPublisher(), this.getSubscriber()]) client.disconnect(false);
  }
}

/** In-memory for one instance (the default); Redis when REDIS_URL is set. */
export function createPubSub(config: AppConfig): PubSubEngine {
  if (!config.redisUrl) return new PubSub();
  logger.log('event notifications through Redis');
  return new RedisEventPubSub(config.redisUrl);
}

/** For /health/ready: `{ redis: 'ok' | <connection state> }` with Redis, nothing in memory. */
export function pubSubHealth(pubSub: PubSubEngine): { redis?: string } {
  return pubSub instanceof RedisEventPubSub ? { redis: pubSub.status() } : {};
}
