import { Logger } from '@nestjs/common';
import type { SqlReader } from '../database/read/sql-reader.js';
import type { EventFeedService } from '../events/event-feed.service.js';
import type { Role } from './role.js';

/** What a token check reads: the token's row joined with its principal. */
export interface TokenRow {
  token_id: string;
  role: Role;
  expires_at: string | null;
  revoked_at: string | null;
  principal_id: string;
  organisation_id: string;
  name: string;
  /** The supplier of a supplier's organisation, else null. */
  supplier_id: string | null;
}

/**
 * Events that can change a token check's answer: any event about a token or a principal (a
 * revocation, and whatever else may befall them) but its creation, which changes no cached row.
 */
const AUTH_EVENTS = "subject_type IN ('ApiToken', 'Principal') AND type NOT IN ('TOKEN_CREATED', 'PRINCIPAL_CREATED')";

/**
 * The token rows of recent requests, per instance, so that a client's requests do not each read
 * its token from the database (every request checks one: bench/report.md, the fixed cost).
 *
 * What keeps it right:
 * - An entry lives at most `ttlMs` (TOKEN_CACHE_MS). Expiry is checked on every use from the
 *   row's own `expires_at`, so only a revocation could be missed, and not for long.
 * - A revocation appends TOKEN_REVOKED to the event log. Every instance's EventFeedService hears of
 *   the log's growth at once (PubSub: in memory, or Redis across instances; at the latest after
 *   EVENTS_POLL_MS, e.g. for the CLI's revocations without Redis); this cache then looks at the new
 *   stretch of the log, and one event about a token or a principal (other than its creation) empties it. The revoking instance
 *   empties its own before the revocation is even answered (`clear`, from TokenAdminService).
 * - A row read from the database while the cache is emptied is not kept (the generation moved):
 *   it may be the row from before the revocation.
 * - Only valid rows are kept. An unknown token is read every time (it may be created next).
 * - At most `maxEntries` tokens, the least recently stored going first.
 */
export class TokenCache {
  private readonly logger = new Logger(TokenCache.name);
  private readonly entries = new Map<string, { row: TokenRow; until: number }>();
  private generation = 0;
  /** The log's head up to which events were looked at; null until the cache has started (`ready`). */
  private checkedUpTo: number | null = null;
  private starting: Promise<void> | null = null;
  private checking: Promise<void> = Promise.resolve();
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly reader: SqlReader,
    private readonly feed: EventFeedService,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The row under a token hash, if it was stored less than `ttlMs` ago and nothing has emptied the cache since. */
  get(hash: string): TokenRow | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.row;
    this.entries.delete(hash);
    return undefined;
  }

  /** The generation to hand to `set` for a row about to be read from the database. */
  get current(): number {
    return this.generation;
  }

  /**
   * Null once the cache is started; before, the start: the log's head is read (before any row the
   * cache keeps, so every event that could outdate a kept row comes after it) and the cache listens to
   * the log's growth from there. The first token check waits for it; a CLI that checks none never
   * listens. Until it has succeeded nothing is kept.
   */
  ready(): Promise<void> | null {
    if (this.checkedUpTo !== null) return null;
    return (this.starting ??= this.start());
  }

  private async start(): Promise<void> {
    try {
      this.checkedUpTo = await this.feed.readHead();
    } catch (error) {
      this.starting = null;
      this.logger.warn(`reading the event log's head failed (${(error as Error).message}); no token is cached yet`);
      return;
    }
    this.unlisten = this.feed.listen((head) => {
      this.checking = this.checking.then(() => this.check(head));
    });
  }

  /** Keeps a row read under `generation`, unless the cache was emptied since (or has not started). */
  set(hash: string, row: TokenRow, generation: number): void {
    if (generation !== this.generation || this.checkedUpTo === null) return;
    this.entries.delete(hash);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { row, until: Date.now() + this.ttlMs });
  }

  /** Empties the cache; rows being read now are not kept. */
  clear(): void {
    this.entries.clear();
    this.generation++;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Empties the cache when the log grew by an event about a token or a principal. */
  private async check(head: number): Promise<void> {
    const from = this.checkedUpTo;
    if (from === null || head <= from) return;
    try {
      const rows = await this.reader.all(
        `SELECT 1 AS hit FROM events WHERE seq > ? AND seq <= ? AND ${AUTH_EVENTS} LIMIT 1`,
        [Math.trunc(from), Math.trunc(head)],
      );
      if (rows.length > 0) this.clear();
      this.checkedUpTo = head;
    } catch (error) {
      // The stretch stays unchecked (it is looked at again with the next growth); meanwhile nothing stale is served.
      this.clear();
      this.logger.warn(`reading the event log failed (${(error as Error).message}); the token cache was emptied`);
    }
  }

  stop(): void {
    this.unlisten?.();
    this.unlisten = null;
    this.checkedUpTo = null;
    this.starting = null;
    this.clear();
  }
}
