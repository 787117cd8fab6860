import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The columns a GraphQL selection needs of an entity: `undefined` means the whole row. Property
 * names of the entity (SqlReader maps them to columns), in no particular order.
 */
export type Columns<T> = ReadonlyArray<keyof T & string> | undefined;

/**
 * What each field of a GraphQL type reads of the entity behind it, for column projection: a read
 * made for a selection reads only the columns its fields need (turning rows into objects was a
 * third of the lookup's CPU, bench/report.md), and the rest stay in the database.
 *
 * An allowlist: a field not named in `fields` (a new field, a field resolver added elsewhere) makes
 * the read take the whole row, so a field can never find a property missing. `always` holds what
 * is read whatever the selection: the id, and the keys the access rules (canSee & co.) and the
 * caches need.
 */
export interface Projection<T> {
  always: ReadonlyArray<keyof T & string>;
  fields: Readonly<Record<string, ReadonlyArray<keyof T & string>>>;
}

/**
 * Where, under a field's selection, the objects read for it are: itself (`self`), a connection's
 * nodes (`connection`: through `nodes` and `edges { node }`), or a child field (`{ child: 'substance' }`).
 */
export type Under = 'self' | 'connection' | { child: string };

/**
 * The selection of a document is fixed, so the columns are worked out once per field of a parsed
 * document (documents are parsed once per distinct text, see the query-limit analysis) and then
 * found by the field's AST node.
 */
const memo = new WeakMap<FieldNode, Map<Projection<never>, Map<string, Columns<never>>>>();

/**
 * The properties of `T` the field being resolved (`info`) needs for the objects it returns (or
 * those `under` it), or undefined for the whole row.
 */
export function columnsFor<T>(info: GraphQLResolveInfo, projection: Projection<T>, under: Under = 'self'): Columns<T> {
  const where = typeof under === 'string' ? under : `child:${under.child}`;
  const cacheable = info.fieldNodes.length === 1;
  const node = info.fieldNodes[0]!;
  let byProjection = cacheable ? memo.get(node) : undefined;
  const byUnder = byProjection?.get(projection as Projection<never>);
  if (byUnder?.has(where)) return byUnder.get(where) as Columns<T>;
  const targets: FieldNode[] = [];
  for (const field of info.fieldNodes) {
    if (under === 'self') targets.push(field);
    else
      fieldsOf(field.selectionSet, info, (f) => {
        if (typeof under !== 'string') {
          if (f.name.value === under.child) targets.push(f);
        } else if (f.name.value === 'nodes') targets.push(f);
        else if (f.name.value === 'edges')
          fieldsOf(f.selectionSet, info, (e) => {
            if (e.name.value === 'node') targets.push(e);
          });
      });
  }
  const names = new Set<string>();
  for (const t of targets) fieldsOf(t.selectionSet, info, (f) => names.add(f.name.value));
  const columns = project(projection, names);
  if (cacheable) {
    if (!byProjection) memo.set(node, (byProjection = new Map()));
    let map = byProjection.get(projection as Projection<never>);
    if (!map) byProjection.set(projection as Projection<never>, (map = new Map()));
    map.set(where, columns as Columns<never>);
  }
  return columns;
}

/** The properties for a set of selected field names, or undefined when one of them is not in the allowlist. */
export function project<T>(projection: Projection<T>, names: Iterable<string>): Columns<T> {
  const properties = new Set<keyof T & string>(projection.always);
  for (const name of names) {
    if (name === '__typename') continue;
    const needs = projection.fields[name];
    if (!needs) return undefined;
    for (const p of needs) properties.add(p);
  }
  return [...properties].sort();
}

/** The union of two column sets (undefined, the whole row, absorbs anything). */
export function withColumns<T>(columns: Columns<T>, more: ReadonlyArray<keyof T & string>): Columns<T> {
  if (!columns) return undefined;
  const all = new Set([...columns, ...more]);
  return all.size === columns.length ? columns : [...all].sort();
}

/**
 * The fields of a selection set, through inline fragments and fragment spreads (whatever their type
 * condition and directives: a superset of what runs, which only ever reads more columns).
 */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, visit: (f: FieldNode) => void): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, info, visit);
    else fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, visit);
  }
}
