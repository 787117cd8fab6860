/**
 * Jest runs in ESM mode: Nest 12 ships ESM only, which Jest's CommonJS loader cannot
 * require on Node 20. `npm test` starts Node with --experimental-vm-modules.
 */
const esm = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  // e2e suites boot the whole service (migrations, seeds) in beforeAll: allow for a busy machine.
  testTimeout: 60_000,
  projects: [
    { ...esm, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'] },
    { ...esm, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
