import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';

/**
 * Per-request DataLoaders, made in the GraphQL context (never shared between requests, so one
 * caller never sees another's cache). `byId` batches lookups of one entity type; `grouped`
 * batches one-to-many relations. Each loader is created on first use under a stable key.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(readonly dataSource: DataSource) {}

  byId<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): DataLoader<string, T | null> {
    const name = typeof entity === 'function' ? entity.name : String(entity);
    return this.get(`byId:${name}`, async (ids) => {
      const rows = await this.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }

  /** A one-to-many loader: `fetch` returns the rows for many keys, `keyOf` tells which key a row belongs to. */
  grouped<T>(name: string, fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string): DataLoader<string, T[]> {
    return this.get(`grouped:${name}`, async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(keyOf(row))?.push(row);
      return keys.map((k) => groups.get(k)!);
    });
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
      const links = await this.dataSource.getRepository(link).findBy({ [ownerKey]: In([...owners]) } as never);
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

  private get<V>(key: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
