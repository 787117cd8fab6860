export * from './identifiers.js';
export * from './identifier.validators.js';
