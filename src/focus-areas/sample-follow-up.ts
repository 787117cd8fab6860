import type { NewFollowUp } from '../follow-ups/follow-up-writer.js';
import type { ProductEntity } from '../products/product.entity.js';
import type { FocusAreaEntity, FocusAreaSampleEntity } from './focus-area.entity.js';

/**
 * The PLANNED follow-up an assigned sample gets: a laboratory analysis of the product by the purchasing
 * organisation, against the focus area's requirements, SHARED (every organisation sees it is being
 * bought), planned for the focus area's results date. The organisation records its results on it.
 */
export function followUpOfSample(
  area: FocusAreaEntity,
  sample: FocusAreaSampleEntity,
  product: ProductEntity,
  organisationId: string,
  requirementIds: readonly string[],
): NewFollowUp {
  return {
    organisationId,
    productId: product.id,
    supplierId: product.supplierId,
    contractId: null,
    method: 'LAB_ANALYSIS',
    status: 'PLANNED',
    performedOn: area.resultsDueOn,
    validUntil: null,
    visibility: 'SHARED',
    laboratory: sample.laboratory,
    reportReference: null,
    notes: `Fokusområde ${area.year}: ${area.title}. Analyser: ${sample.analyses.split('\n').join('; ')}`.slice(
      0,
      2000,
    ),
    confidentialNotes: null,
    requirementIds,
    measurements: [],
  };
}
