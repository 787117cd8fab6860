#!/usr/bin/env node
/**
 * Counts the schema's elements (types, fields, arguments, input fields, enum values) and those
 * without a description, from schema/schema.graphql (graphql-js buildSchema). `--list` prints the
 * undocumented ones. The schema linter (npm run lint) is the gate; this is the quick count.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

const schema = buildSchema(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'));
const missing = [];
let total = 0;
const check = (path, description) => {
  total++;
  if (!description?.trim()) missing.push(path);
};
for (const type of Object.values(schema.getTypeMap())) {
  if (type.name.startsWith('__') || (isScalarType(type) && !type.astNode)) continue;
  check(type.name, type.description);
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
    for (const field of Object.values(type.getFields())) {
      check(`${type.name}.${field.name}`, field.description);
      for (const arg of field.args ?? []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
    }
  if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
  if (isUnionType(type)) continue;
}
console.log(`${total} elements, ${missing.length} without a description`);
if (process.argv.includes('--list')) for (const path of missing) console.log(`  ${path}`);
