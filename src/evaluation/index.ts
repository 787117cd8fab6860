/** The rules of DOMAIN.md as pure functions: no Nest, no TypeORM, no GraphQL imports. */
export * from './units.js';
export * from './evaluate.js';
export * from './product-verdict.js';
export * from './reuse.js';
export * from './traffic-light.js';
export * from './contract-scope.js';
