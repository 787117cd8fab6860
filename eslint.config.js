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
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'web/', 'bench/results/'] },
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
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    // Tests read GraphQL answers from outside, as a client does: untyped JSON.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
