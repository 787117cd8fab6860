import { GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLDate, GraphQLDateTime } from 'graphql-scalars';

/**
 * `Date` and `DateTime` as graphql-scalars defines and checks them (RFC 3339 full-date and
 * date-time), with the value inside the service kept as the text it is stored as: a `Date` is
 * `YYYY-MM-DD`, a `DateTime` the ISO-8601 text as given or stored (the database holds both as text
 * on both engines, README "Timestamps"). graphql-scalars would hand resolvers JS Date objects and
 * rewrite a stored `…55Z` as `…55.000Z`; the checks are its own, the values stay ours.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, RFC 3339 full-date: YYYY-MM-DD (e.g. 2026-03-12).',
  serialize: (value) => GraphQLDate.serialize(value) as string,
  parseValue: (value) => GraphQLDate.serialize(GraphQLDate.parseValue(value)) as string,
  parseLiteral: (ast: ValueNode, variables) =>
    GraphQLDate.serialize(GraphQLDate.parseLiteral(ast, variables)) as string,
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
});

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, RFC 3339 date-time with a zone, e.g. 2026-03-12T09:30:00.000Z (UTC as stored).',
  serialize: (value) => {
    GraphQLDateTime.serialize(value);
    return value instanceof Date ? value.toISOString() : String(value);
  },
  parseValue: (value) => {
    GraphQLDateTime.parseValue(value);
    return String(value);
  },
  parseLiteral: (ast: ValueNode, variables) => {
    GraphQLDateTime.parseLiteral(ast, variables);
    return (ast as { value: string }).value;
  },
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
});
