import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';

/**
 * Takes away the resolver Nest gives every plain `@Field` (one without a resolver of its own), so
 * that its value is read from the object directly, by graphql-js's default resolver and, compiled
 * in, by graphql-jit: once per process instead of a function call per field of every result (a
 * lookup completes about a thousand fields; bench/report.md, the profile).
 *
 * Nest's resolver (`rootFieldResolver`) reads `root[property]` and returns the field's
 * `defaultValue` when that is undefined. It is taken away only where that is exactly the default
 * resolver's work: it reads one property, named as the field, and the field has no default value
 * (checked by calling it once on an empty probe). The default resolver would also call a property
 * that is a function; no object served here has a function under a field's name (Nest's resolver
 * would have answered an error for it).
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve?.name !== 'rootFieldResolver' || field.subscribe) continue;
      if (isPlainRead(field.resolve, field.name)) field.resolve = undefined;
    }
  }
  return schema;
}

function isPlainRead(resolve: GraphQLFieldResolver<unknown, unknown>, name: string): boolean {
  const read: PropertyKey[] = [];
  const probe = new Proxy({}, { get: (_target, key) => void read.push(key) });
  try {
    const value = resolve(probe, {}, undefined, undefined as never);
    return value === undefined && read.length === 1 && read[0] === name;
  } catch {
    return false;
  }
}
