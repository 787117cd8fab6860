// @ts-check
import eslint from '@eslint/js';
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
);

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
