import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  Aggregation,
  DeviationStatus,
  FollowUpStatus,
  LimitBasis,
  Method,
  OrganisationKind,
  RegulatoryList,
  RequirementKind,
  Severity,
  Unit,
  Visibility,
} from '../vocabulary/vocabulary.js';

/** The seeds/ folder at the repository root (the same from src/ under Jest and from dist/). */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/**
 * The seed files' shapes. Their closed fields carry the vocabulary's types; that the JSON keeps to
 * them is checked by src/common/identifiers/seed-data.spec.ts against the same lists.
 */
export const readSeed = <T>(relativePath: string): T => JSON.parse(readFileSync(SEEDS_DIR + relativePath, 'utf8')) as T;

export interface OrganisationSeed {
  code: string;
  name: string;
  kind: OrganisationKind;
  countyCode: string | null;
  organisationNumber: string | null;
}
export interface SubstanceSeed {
  name: string;
  /** The Swedish name (`name` is the English one). */
  nameSv: string;
  casNumber: string;
  ecNumber: string | null;
  groups: string[];
  lists: RegulatoryList[];
}
export interface CategorySeed {
  code: string;
  name: string;
  parentCode: string | null;
}
export interface RequirementSeed {
  code: string;
  title: string;
  /** The English name (`title` is the Swedish one). */
  nameEn: string;
  text: string;
  kind: RequirementKind;
  substanceCas: string[];
  defaultLimitValue: number | null;
  defaultLimitUnit: Unit | null;
  basis: LimitBasis | null;
  aggregation: Aggregation;
  categoryCodes: string[];
  legalSource: string | null;
}
export interface SupplierSeed {
  key: string;
  name: string;
  country: string;
  organisationNumber: string | null;
}
export interface ProductSeed {
  key: string;
  supplierKey: string;
  name: string;
  articleNumber: string | null;
  gtin: string | null;
  categoryCode: string | null;
}
export interface ContractSeed {
  key: string;
  organisationCode: string;
  supplierKey: string;
  title: string;
  reference: string | null;
  validFrom: string | null;
  validTo: string | null;
  categoryCodes: string[];
  requirements: { requirementCode: string; limitValue: number | null; limitUnit: Unit | null }[];
}
export interface FollowUpSeed {
  key: string;
  organisationCode: string;
  productKey: string;
  contractKey: string | null;
  requirementCodes: string[];
  method: Method;
  performedOn: string | null;
  status: FollowUpStatus;
  visibility: Visibility;
  laboratory: string | null;
  reportReference: string | null;
  notes: string | null;
  confidentialNotes: string | null;
  retractedReason: string | null;
  measurements: {
    casNumber: string;
    part: string;
    detected: boolean;
    value: number | null;
    loq: number | null;
    unit: Unit;
    uncertainty: number | null;
    method: string | null;
  }[];
  deviations: {
    requirementCode: string;
    severity: Severity;
    description: string;
    actionPlan: string | null;
    dueDate: string | null;
    status: DeviationStatus;
  }[];
}
