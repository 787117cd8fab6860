import { registerEnumType } from '@nestjs/graphql';
import { UNIT_SYMBOLS } from '../evaluation/units.js';
import { type Unit, UNITS } from '../vocabulary/vocabulary.js';

/**
 * GraphQL enums for the domain's fixed vocabularies. The values live as string unions in the
 * pure evaluation module (no framework there); these objects expose the same values to GraphQL.
 */
const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const UnitEnum = enumOf<Unit>(UNITS);
registerEnumType(UnitEnum, {
  name: 'Unit',
  description:
    'Units of limits and results. Mass fractions (PERCENT_WW, MG_PER_KG, PPM, UG_PER_G) convert exactly; other dimensions compare only with the same dimension.',
  valuesMap: Object.fromEntries(UNITS.map((u) => [u, { description: UNIT_SYMBOLS[u] }])),
});

export const ORGANISATION_KINDS = ['REGION', 'MUNICIPALITY', 'OTHER'] as const;
export const OrganisationKindEnum = enumOf(ORGANISATION_KINDS);
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });

export const REQUIREMENT_KINDS = ['LIMIT', 'NOT_ADDED', 'DOCUMENTATION'] as const;
export const RequirementKindEnum = enumOf(REQUIREMENT_KINDS);
registerEnumType(RequirementKindEnum, {
  name: 'RequirementKind',
  description:
    'LIMIT: a measured threshold; NOT_ADDED: not intentionally added, shown by declaration; DOCUMENTATION: e.g. a safety data sheet.',
});

export const LIMIT_BASES = ['HOMOGENEOUS_MATERIAL', 'PART', 'ARTICLE', 'MIXTURE'] as const;
export const LimitBasisEnum = enumOf(LIMIT_BASES);
registerEnumType(LimitBasisEnum, {
  name: 'LimitBasis',
  description: 'What the limit is a fraction of: "0.1 % per part" is not "0.1 % of the article".',
});

export const AGGREGATIONS = ['EACH', 'SUM'] as const;
export const AggregationEnum = enumOf(AGGREGATIONS);
registerEnumType(AggregationEnum, {
  name: 'Aggregation',
  description: 'EACH substance individually, or the SUM of the listed substances.',
});

export const REGULATORY_LISTS = [
  'REACH_CANDIDATE_LIST',
  'REACH_ANNEX_XIV',
  'REACH_ANNEX_XVII',
  'ROHS',
  'POPS',
  'CLP_CMR',
] as const;
export type RegulatoryList = (typeof REGULATORY_LISTS)[number];
export const RegulatoryListEnum = enumOf(REGULATORY_LISTS);
registerEnumType(RegulatoryListEnum, { name: 'RegulatoryList' });
