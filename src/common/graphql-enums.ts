import { type EnumOptions, registerEnumType } from '@nestjs/graphql';
import { UNIT_SYMBOLS } from '../evaluation/units.js';
import {
  AGGREGATIONS,
  EVENT_SUBJECT_TYPES,
  EVENT_TYPES,
  LIMIT_BASES,
  ORGANISATION_KINDS,
  REGULATORY_LISTS,
  REQUIREMENT_KINDS,
  SUBSTANCE_GROUPS,
  UNITS,
} from '../vocabulary/vocabulary.js';
import {
  AGGREGATION_VALUES,
  EVENT_SUBJECT_TYPE_VALUES,
  EVENT_TYPE_VALUES,
  LIMIT_BASIS_VALUES,
  ORGANISATION_KIND_VALUES,
  REGULATORY_LIST_VALUES,
  REQUIREMENT_KIND_VALUES,
  SUBSTANCE_GROUP_VALUES,
} from '../vocabulary/value-descriptions.js';

/**
 * A GraphQL enum made from one of the vocabulary's lists (src/vocabulary/vocabulary.ts): the
 * object `{ VALUE: 'VALUE', … }` that Nest's code-first schema expects, registered under `name`.
 * Each value is itself, so what GraphQL hands a resolver is the vocabulary's value, and a value
 * added to the list appears in the schema without anything else to change here.
 */
export function graphqlEnum<T extends string>(
  values: readonly T[],
  name: string,
  options: Omit<EnumOptions<{ [K in T]: K }>, 'name'> & { values?: Record<T, string> } = {},
) {
  const object = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  const { values: meanings, ...rest } = options;
  registerEnumType(object, { name, valuesMap: valuesMapOf(meanings), ...rest });
  return object;
}

/** Nest's `valuesMap` from a table of what each value means (src/vocabulary/value-descriptions.ts). */
function valuesMapOf<T extends string>(meanings: Record<T, string> | undefined) {
  if (!meanings) return undefined;
  const entries = Object.entries<string>(meanings).map(([value, description]) => [value, { description }]);
  return Object.fromEntries(entries) as Record<T, { description: string }>;
}

/**
 * A GraphQL enum whose names differ from the vocabulary's values (GraphQL names enum values in
 * UPPER_CASE): `ChemicalRequirement` is CHEMICAL_REQUIREMENT in the schema, and a resolver still
 * receives and returns the vocabulary's value.
 */
export function graphqlEnumUpperCase<T extends string>(
  values: readonly T[],
  name: string,
  description: string,
  meanings: Record<T, string>,
) {
  const upper = (v: string) => v.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  const object = Object.fromEntries(values.map((v) => [upper(v), v])) as Record<string, T>;
  registerEnumType(object, {
    name,
    description,
    valuesMap: valuesMapOf(Object.fromEntries(values.map((v) => [upper(v), meanings[v]]))),
  });
  return object;
}

// The catalogue's vocabulary. The follow-ups' enums are in src/follow-ups/follow-up.enums.ts,
// Role in src/auth/role.ts, the principal and token enums in src/auth/principal.model.ts.

export const UnitEnum = graphqlEnum(UNITS, 'Unit', {
  description:
    'Units of limits and results. Mass fractions (PERCENT_WW, MG_PER_KG, PPM, UG_PER_G) convert exactly; other dimensions compare only with the same dimension.',
  valuesMap: Object.fromEntries(UNITS.map((u) => [u, { description: UNIT_SYMBOLS[u] }])),
});

export const OrganisationKindEnum = graphqlEnum(ORGANISATION_KINDS, 'OrganisationKind', {
  description: 'What kind of body an organisation is.',
  values: ORGANISATION_KIND_VALUES,
});

export const RequirementKindEnum = graphqlEnum(REQUIREMENT_KINDS, 'RequirementKind', {
  description:
    'LIMIT: a measured threshold; NOT_ADDED: not intentionally added, shown by declaration; DOCUMENTATION: e.g. a safety data sheet.',
  values: REQUIREMENT_KIND_VALUES,
});

export const LimitBasisEnum = graphqlEnum(LIMIT_BASES, 'LimitBasis', {
  description: 'What the limit is a fraction of: "0.1 % per part" is not "0.1 % of the article".',
  values: LIMIT_BASIS_VALUES,
});

export const AggregationEnum = graphqlEnum(AGGREGATIONS, 'Aggregation', {
  description: 'EACH substance individually, or the SUM of the listed substances.',
  values: AGGREGATION_VALUES,
});

export const RegulatoryListEnum = graphqlEnum(REGULATORY_LISTS, 'RegulatoryList', {
  description: 'A regulatory list a substance is on (Substance.regulatoryLists).',
  values: REGULATORY_LIST_VALUES,
});

export const SubstanceGroupEnum = graphqlEnum(SUBSTANCE_GROUPS, 'SubstanceGroup', {
  description: 'A group of related substances, e.g. ORTHO_PHTHALATE (REACH Annex XVII entry 51) or PFAS.',
  values: SUBSTANCE_GROUP_VALUES,
});

// The event log's vocabulary (the audit log, a follow-up's history, follow-up events).
export const EventTypeEnum = graphqlEnum(EVENT_TYPES, 'EventType', {
  description: 'What happened: a follow-up event (RECORDED, REUSED…) or another change to the registry.',
  values: EVENT_TYPE_VALUES,
});

export const EventSubjectTypeEnum = graphqlEnumUpperCase(
  EVENT_SUBJECT_TYPES,
  'EventSubjectType',
  'What an event is about: the type of its subject (IMPORT: a whole CSV file).',
  EVENT_SUBJECT_TYPE_VALUES,
);
