import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The seeds/ folder at the repository root (the same from src/ under Jest and from dist/). */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

export const readSeed = <T>(relativePath: string): T => JSON.parse(readFileSync(SEEDS_DIR + relativePath, 'utf8')) as T;

export interface OrganisationSeed {
  code: string;
  name: string;
  kind: 'REGION' | 'MUNICIPALITY' | 'OTHER';
  countyCode: string | null;
  organisationNumber: string | null;
}
export interface SubstanceSeed {
  name: string;
  casNumber: string;
  ecNumber: string | null;
  groups: string[];
  lists: string[];
}
export interface CategorySeed {
  code: string;
  name: string;
  parentCode: string | null;
}
export interface RequirementSeed {
  code: string;
  title: string;
  text: string;
  kind: 'LIMIT' | 'NOT_ADDED' | 'DOCUMENTATION';
  substanceCas: string[];
  defaultLimitValue: number | null;
  defaultLimitUnit: string | null;
  basis: string | null;
  aggregation: 'EACH' | 'SUM';
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
  requirements: { requirementCode: string; limitValue: number | null; limitUnit: string | null }[];
}
export interface FollowUpSeed {
  key: string;
  organisationCode: string;
  productKey: string;
  contractKey: string | null;
  requirementCodes: string[];
  method: string;
  performedOn: string | null;
  status: string;
  visibility: 'SHARED' | 'PRIVATE';
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
    unit: string;
    uncertainty: number | null;
    method: string | null;
  }[];
  deviations: {
    requirementCode: string;
    severity: string;
    description: string;
    actionPlan: string | null;
    dueDate: string | null;
    status: string;
  }[];
}
