// Typed GraphQL documents for the web app, by GraphQL Code Generator's client preset (The Guild's
// recommended setup: `graphql()` documents beside the components, typed results, fragment masking).
// This runs the preset through @graphql-codegen/core rather than @graphql-codegen/cli: the CLI pulls
// in URL and GitHub schema loaders whose dependencies need Node 22, and the schema here is one file.
// Documents are found as the CLI finds them, by graphql-tag-pluck. `node codegen.mjs` (npm run codegen).
import { preset } from '@graphql-codegen/client-preset';
import { codegen } from '@graphql-codegen/core';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import { buildSchema, parse } from 'graphql';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = 'src/gql/';
const schemaText = readFileSync(join(here, '../schema/schema.graphql'), 'utf8');

/** Every .ts/.tsx file under src/ but the generated folder. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.endsWith('/gql') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const documents = sourceFiles(join(here, 'src')).flatMap((file) =>
  gqlPluckFromCodeStringSync(file, readFileSync(file, 'utf8'), {
    skipIndent: true,
    globalGqlIdentifierName: ['graphql'],
  }).map((source) => ({ location: relative(here, file), document: parse(source.body), rawSDL: source.body })),
);

const outputs = await preset.buildGeneratesSection({
  baseOutputDir: outDir,
  schema: parse(schemaText),
  schemaAst: buildSchema(schemaText),
  documents,
  plugins: [],
  pluginMap: {},
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    avoidOptionals: false,
    // Dates travel as ISO 8601 strings (YYYY-MM-DD, or date-times with a zone), also as scalars.
    scalars: { Date: 'string', DateTime: 'string' },
  },
  presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
  documentTransforms: [],
});

mkdirSync(join(here, outDir), { recursive: true });
for (const output of outputs) {
  writeFileSync(join(here, output.filename), await codegen(output));
}
console.log(`codegen: ${documents.length} documents → ${outDir}`);
