import { fileURLToPath } from 'node:url';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/**
 * schema/schema.graphql at the repository root (the same from src/ under Jest and from dist/).
 * It is committed so clients and reviewers see the API change in a diff; the app never writes it.
 */
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

const HEADER = '# Generated from the code by `npm run schema:generate`: do not edit by hand.';

/** The committed form of the schema: sorted, so the file changes only when the API does. */
export function renderSchema(schema: GraphQLSchema): string {
  return `${HEADER}\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
