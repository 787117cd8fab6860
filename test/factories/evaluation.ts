import type { MeasurementFact } from '../../src/evaluation/evaluate.js';

/**
 * Builders for the unit tests of the pure rules (src/evaluation): plain facts, no database.
 * `measurementFact` is one detected DEHP result of 1 mg/kg in "PVC surface" of Skåne's follow-up,
 * performed 2024-03-01; a test overrides what it is about.
 */
export function measurementFact(overrides: Partial<MeasurementFact> = {}): MeasurementFact {
  const substanceId = overrides.substanceId ?? 'DEHP';
  const part = overrides.part ?? 'PVC surface';
  const followUpId = overrides.followUpId ?? 'fu-skane';
  return {
    measurementId: `${followUpId}/${part.trim()}/${substanceId}`,
    followUpId,
    organisationId: 'org-skane',
    performedOn: '2024-03-01',
    recordedAt: '2024-03-04T10:00:00Z',
    substanceId,
    part,
    detected: true,
    value: 1,
    loq: null,
    unit: 'MG_PER_KG',
    uncertainty: null,
    ...overrides,
  };
}
