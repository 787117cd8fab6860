// @ts-check
import eslint from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * ESLint for the service, its tests, the CLI and the bench: the recommended rules of ESLint and
 * typescript-eslint (syntax only, so a lint of the whole tree takes seconds), with Prettier owning
 * the layout (eslint-config-prettier turns the layout rules off).
 */
export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'coverage/',
      'bench/results/',
      'web/dist/',
      'web/src/gql/',
      'web/test-results/',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names say "deliberately unused" (destructuring a field away, an ignored argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
        },
      ],
    },
  },
  {
    // The rules and the vocabulary are plain TypeScript, read and tested on their own (STYLE.md).
    files: ['src/evaluation/**/*.ts', 'src/vocabulary/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'class-validator', 'class-transformer', 'graphql', 'graphql-*'],
              message: 'src/evaluation and src/vocabulary are framework-free: plain values in, plain values out.',
            },
            {
              regex: '^\\.\\./(?!evaluation/|vocabulary/)',
              message: 'src/evaluation and src/vocabulary import only each other.',
            },
          ],
        },
      ],
    },
  },
  {
    // One writer of follow-ups, their requirement links and measurements (src/follow-ups/follow-up-writer.ts):
    // it keeps the measurement cache's rule (a change of measurements makes a new version, in the same
    // transaction) and appends the events. Elsewhere in the service these tables are read, never written.
    files: ['src/**/*.ts'],
    ignores: ['src/follow-ups/follow-up-writer.ts', 'src/database/migrations/**', '**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...followUpWriterOnly()] },
  },
  {
    // The web app runs in the browser.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    // Tests read GraphQL answers from outside, as a client does: untyped JSON.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
  ...graphqlSchemaLint(),
);

/**
 * The GraphQL schema (generated from the code, committed) and the example operations, linted as a
 * client's tools see them (README, "The schema linter"): every type, field, argument, input field
 * and enum value has a description, names follow the GraphQL conventions, and the operations are
 * valid against the schema. Errors fail `npm run lint`, so a new type without descriptions fails CI.
 */
function graphqlSchemaLint() {
  const parser = {
    parser: graphql.parser,
    parserOptions: {
      graphQLConfig: { schema: 'schema/schema.graphql', documents: 'schema/operations/*.graphql' },
    },
  };
  return [
    {
      files: ['schema/**/*.graphql'],
      languageOptions: parser,
      plugins: { '@graphql-eslint': graphql },
    },
    {
      files: ['schema/schema.graphql'],
      rules: {
        ...graphql.configs['flat/schema-recommended'].rules,
        // Value types (connections, edges, evaluations, statistics, results) have no identity of their
        // own; the types that do implement Node (test/nodes.e2e-spec.ts), which is what clients key on.
        '@graphql-eslint/strict-id-in-types': 'off',
        // Organisation.organisationNumber is the domain's word (organisationsnummer), the same field as
        // Supplier.organisationNumber and the filters'; renaming it would break clients for nothing.
        '@graphql-eslint/no-typename-prefix': 'off',
        '@graphql-eslint/require-description': [
          'error',
          {
            types: true,
            rootField: true,
            FieldDefinition: true,
            InputValueDefinition: true,
            EnumValueDefinition: true,
            DirectiveDefinition: true,
          },
        ],
        '@graphql-eslint/naming-convention': [
          'error',
          {
            types: 'PascalCase',
            FieldDefinition: 'camelCase',
            InputValueDefinition: 'camelCase',
            Argument: 'camelCase',
            EnumValueDefinition: 'UPPER_CASE',
          },
        ],
      },
    },
    {
      files: ['schema/operations/*.graphql'],
      rules: graphql.configs['flat/operations-recommended'].rules,
    },
  ];
}

/** Selectors for writes of the follow-up writer's tables anywhere but in the writer. */
function followUpWriterOnly() {
  const entity = '/^(FollowUpEntity|FollowUpRequirementEntity|MeasurementEntity)$/';
  const writes = '/^(insert|update|delete|save|remove|softDelete|restore|upsert|increment|decrement|clear|into)$/';
  const sql = '/(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(follow_ups|follow_up_requirements|measurements)\\b/i';
  const message = 'follow-ups, their requirement links and measurements are written by FollowUpWriter only';
  return [
    // manager.insert(MeasurementEntity, …), queryBuilder.update(FollowUpEntity), .into(…)
    { selector: `CallExpression[callee.property.name=${writes}][arguments.0.name=${entity}]`, message },
    // bulkInsert(manager, FollowUpEntity, …)
    { selector: `CallExpression[callee.name='bulkInsert'][arguments.1.name=${entity}]`, message },
    // getRepository(FollowUpEntity).save(…)
    {
      selector: `CallExpression[callee.property.name=${writes}][callee.object.callee.property.name='getRepository'][callee.object.arguments.0.name=${entity}]`,
      message,
    },
    // createQueryBuilder().delete().from(MeasurementEntity)
    {
      selector: `CallExpression[callee.property.name='from'][callee.object.callee.property.name='delete'][arguments.0.name=${entity}]`,
      message,
    },
    // hand-written SQL
    { selector: `Literal[value=${sql}]`, message },
    { selector: `TemplateElement[value.raw=${sql}]`, message },
  ];
}
