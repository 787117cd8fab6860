import DataLoader from 'dataloader';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { ReadCaches } from '../cache/read-caches.js';
import type { Columns } from '../projection.js';
import type { SqlReader } from '../sql-reader.js';

/**
 * Per-request DataLoaders, made in the GraphQL context (never shared between requests, so one
 * caller never sees another's cache). `byId` batches lookups of one entity type; `grouped`
 * batches one-to-many relations. Each loader is created on first use under a stable key.
 * Batches are read through SqlReader (prepared SQL, rows straight to entities), the cheapest
 * path for the many small queries a nested list makes.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    /** The application's SqlReader (its prepared statements are shared by all requests). */
    readonly reader: SqlReader,
    /** The instance's version-exact caches (ReadCaches), shared by all requests. */
    readonly caches: ReadCaches = ReadCaches.none,
  ) {}

  /** New, empty loaders with the same reader and caches (e.g. per subscription event). */
  fresh(): Loaders {
    return new Loaders(this.reader, this.caches);
  }

  /**
   * Rows by id, batched. With `columns` (projected from the GraphQL selection, see Projection): only
   * those properties, in a loader of their own (a narrow row is never handed to a caller that wants
   * another set). Tables kept whole by the instance (ReadCaches.immutableRows) ignore `columns`.
   */
  byId<T extends ObjectLiteral & { id: string }>(
    entity: EntityTarget<T>,
    columns?: Columns<T>,
  ): DataLoader<string, T | null> {
    const name = typeof entity === 'function' ? entity.name : String(entity);
    // Rows that never change are kept by the instance (ReadCaches.immutableRows): only unseen ids are read.
    const kept = this.caches.immutableRows(entity);
    const projected = kept ? undefined : columns;
    return this.get(projected ? `byId:${name}:${projected.join(',')}` : `byId:${name}`, async (ids) => {
      const map = new Map<string, T>();
      const missing: string[] = [];
      for (const id of ids) {
        const row = kept?.get(id);
        if (row) map.set(id, row);
        else missing.push(id);
      }
      if (missing.length)
        for (const r of await this.reader.findIn(entity, 'id', missing, undefined, projected)) {
          map.set(r.id, r);
          kept?.keep(r.id, r);
        }
      return ids.map((id) => map.get(id) ?? null);
    });
  }

  /** A one-to-many loader: `fetch` returns the rows for many keys, `keyOf` tells which key a row belongs to. */
  grouped<T>(
    name: string,
    fetch: (keys: readonly string[]) => Promise<T[]>,
    keyOf: (row: T) => string,
  ): DataLoader<string, T[]> {
    return this.get(`grouped:${name}`, async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(keyOf(row))?.push(row);
      return keys.map((k) => groups.get(k)!);
    });
  }

  /**
   * A one-to-many loader of the rows of `entity` whose `property` is the key, in `orderBy` order
   * (column names, e.g. `position ASC`).
   */
  children<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    property: keyof T & string,
    orderBy: string,
  ): DataLoader<string, T[]> {
    const name = typeof entity === 'function' ? entity.name : String(entity);
    // Ordered by the key first: an index on (key, order column) then serves the order without a sort.
    const order = `${this.reader.columnOf(entity, property)} ASC, ${orderBy}`;
    return this.grouped(
      `children:${name}.${property}`,
      (keys) => this.reader.findIn(entity, property, keys, order),
      (row) => row[property] as string,
    );
  }

  /**
   * A many-to-many loader through a link table: one query for the links of all owners, one
   * (batched, shared with `byId`) for the targets. Targets keep the order `compare` gives.
   */
  linked<L extends ObjectLiteral, T extends ObjectLiteral & { id: string }>(
    name: string,
    link: EntityTarget<L>,
    ownerKey: keyof L & string,
    targetKey: keyof L & string,
    target: EntityTarget<T>,
    compare?: (a: T, b: T) => number,
  ): DataLoader<string, T[]> {
    return this.get(`linked:${name}`, async (owners) => {
      const links = await this.reader.findIn(link, ownerKey, owners);
      const targets = await this.byId(target).loadMany([...new Set(links.map((l) => l[targetKey] as string))]);
      const byId = new Map(targets.filter((t): t is T => Boolean(t) && !(t instanceof Error)).map((t) => [t.id, t]));
      const byOwner = new Map<string, T[]>(owners.map((o) => [o, []]));
      for (const l of links) {
        const t = byId.get(l[targetKey] as string);
        if (t) byOwner.get(l[ownerKey] as string)?.push(t);
      }
      return owners.map((owner) => {
        const list = byOwner.get(owner)!;
        return compare ? list.sort(compare) : list;
      });
    });
  }

  /** A loader under `key` made on first use with `batch`. */
  get<V>(key: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
