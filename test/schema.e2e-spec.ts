import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderSchema, SCHEMA_FILE } from '../src/graphql/schema-file.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const OPERATIONS_DIR = join(SCHEMA_FILE, '..', 'operations');
const operationFiles = existsSync(OPERATIONS_DIR)
  ? readdirSync(OPERATIONS_DIR)
      .filter((f) => f.endsWith('.graphql'))
      .sort()
  : [];

/** The first line where two texts differ, to point at the change without dumping 600 lines. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const line = i === -1 ? a.length : i;
  return `first difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  from code: ${b[line] ?? '(end of file)'}`;
}

describe('schema/', () => {
  let sut: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    sut = await startTestApp({ demo: false });
    schema = sut.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => sut?.close());

  it('schema.graphql is the schema the code builds', () => {
    const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
    const generated = renderSchema(schema);
    if (committed !== generated) {
      throw new Error(
        `schema/schema.graphql is out of date: run \`npm run schema:generate\` and commit it\n${firstDifference(committed, generated)}`,
      );
    }
  });

  it('operations/ holds example operations', () => {
    expect(operationFiles.length).toBeGreaterThan(0);
  });

  // it.each refuses an empty table; the test above reports that case.
  if (operationFiles.length)
    it.each(operationFiles)('operations/%s is valid against the schema', (file) => {
      const path = join(OPERATIONS_DIR, file);
      const name = relative(join(SCHEMA_FILE, '..', '..'), path);
      let document;
      try {
        document = parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`${name} does not parse: ${(error as Error).message}`, { cause: error });
      }
      const errors = validate(schema, document);
      if (errors.length)
        throw new Error(`${name} is not valid against the schema:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
      const anonymous = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION && !d.name);
      if (anonymous.length) throw new Error(`${name}: every operation needs a name (clients and logs refer to it)`);
    });

  // Normalised caches (Apollo Client, urql's graphcache, Relay) key objects by __typename and id.
  if (operationFiles.length)
    it.each(operationFiles)('operations/%s selects id on every object that has one', (file) => {
      const document = parse(readFileSync(join(OPERATIONS_DIR, file), 'utf8'));
      const info = new TypeInfo(schema);
      const missing: string[] = [];
      visit(
        document,
        visitWithTypeInfo(info, {
          SelectionSet(node) {
            const type = getNamedType(info.getType());
            if (!type || !(isObjectType(type) || isInterfaceType(type)) || !type.getFields().id) return;
            if (!node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'id' && !s.alias))
              missing.push(`${type.name} at line ${node.loc?.startToken.line}`);
          },
        }),
      );
      expect(missing).toEqual([]);
    });
});
