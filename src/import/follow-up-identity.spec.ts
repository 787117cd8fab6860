import type { NewMeasurement } from '../follow-ups/follow-up-writer.js';
import { differences, identityBasis, importIdentity, type ComparableFollowUp } from './follow-up-identity.js';

const m = (o: Partial<NewMeasurement> = {}): NewMeasurement => ({
  substanceId: 'dehp',
  part: 'PVC',
  detected: true,
  value: 120,
  loq: null,
  unit: 'MG_PER_KG',
  uncertainty: null,
  analyticalMethod: 'GC-MS',
  ...o,
});
const f = (o: Partial<ComparableFollowUp> = {}): ComparableFollowUp => ({
  organisationId: 'org',
  productId: 'p',
  supplierId: 's',
  contractId: null,
  method: 'LAB_ANALYSIS',
  status: 'COMPLETED',
  performedOn: '2026-01-10',
  validUntil: '2029-01-10',
  visibility: 'SHARED',
  laboratory: 'Eurofins',
  reportReference: null,
  notes: null,
  confidentialNotes: null,
  requirementIds: ['r1'],
  measurements: [m(), m({ substanceId: 'dbp', detected: false, value: null, loq: 10 })],
  ...o,
});
const names = { requirementCode: (id: string) => id.toUpperCase(), casNumber: (id: string) => `cas:${id}` };

describe('importIdentity', () => {
  it.each([
    ['the measurements in another order', f({ measurements: [...f().measurements].reverse() })],
    ["a part's case and spaces", f({ measurements: [m({ part: ' pvc ' }), f().measurements[1]!] })],
    [
      'notes, status, visibility, laboratory',
      f({ notes: 'x', status: 'CLOSED', visibility: 'PRIVATE', laboratory: 'SGS' }),
    ],
    [
      'a value the writer does not store (an LOQ of a detected result)',
      f({ measurements: [m({ loq: 3 }), f().measurements[1]!] }),
    ],
  ])('content identity ignores %s', (_what, other) => {
    expect(importIdentity(other)).toBe(importIdentity(f()));
  });

  it.each([
    ['the organisation', f({ organisationId: 'other' })],
    ['the product', f({ productId: 'q' })],
    ['the method', f({ method: 'DOCUMENT_REVIEW' })],
    ['the date performed', f({ performedOn: '2026-01-11' })],
    ['a measured value', f({ measurements: [m({ value: 121 }), f().measurements[1]!] })],
    ['a measurement fewer', f({ measurements: [m()] })],
  ])('content identity depends on %s', (_what, other) => {
    expect(importIdentity(other)).not.toBe(importIdentity(f()));
  });

  it('with a report reference, the identity is the organisation and the reference alone', () => {
    const a = f({ reportReference: 'R-1' });
    expect(identityBasis(a)).toBe('REPORT_REFERENCE');
    expect(identityBasis(f())).toBe('CONTENT');
    expect(importIdentity(f({ reportReference: 'R-1', productId: 'q', measurements: [] }))).toBe(importIdentity(a));
    expect(importIdentity(f({ reportReference: 'R-1', organisationId: 'other' }))).not.toBe(importIdentity(a));
    expect(importIdentity(f({ reportReference: 'R-2' }))).not.toBe(importIdentity(a));
    expect(importIdentity(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('differences', () => {
  it('is empty for the same follow-up, whatever the order of its measurements and requirements', () => {
    const stored = f({ requirementIds: ['r1', 'r2'] });
    const imported = f({ requirementIds: ['r2', 'r1'], measurements: [...stored.measurements].reverse() });
    expect(differences(stored, imported, names)).toEqual([]);
  });

  it('names each field that differs, the requirements as codes, and each measurement on one side only', () => {
    const imported = f({
      notes: 'Omtestad',
      laboratory: null,
      requirementIds: ['r1', 'r2'],
      measurements: [m({ value: 130, uncertainty: 13 }), f().measurements[1]!],
    });
    expect(differences(f(), imported, names)).toEqual([
      { field: 'laboratory', stored: 'Eurofins', imported: null },
      { field: 'notes', stored: null, imported: 'Omtestad' },
      { field: 'requirement_codes', stored: 'R1', imported: 'R1;R2' },
      { field: 'measurement', stored: 'cas:dehp in "PVC": detected 120 MG_PER_KG (GC-MS)', imported: null },
      { field: 'measurement', stored: null, imported: 'cas:dehp in "PVC": detected 130 MG_PER_KG ± 13 (GC-MS)' },
    ]);
  });

  it('counts repeated measurements, and leaves out the fields it is told to ignore', () => {
    const twice = f({ measurements: [m(), m()] });
    expect(differences(twice, f({ measurements: [m()] }), names)).toEqual([
      { field: 'measurement', stored: 'cas:dehp in "PVC": detected 120 MG_PER_KG (GC-MS)', imported: null },
    ]);
    expect(differences(f({ confidentialNotes: 'hemligt' }), f(), names, new Set(['confidentialNotes']))).toEqual([]);
    expect(differences(f({ notes: '' }), f({ notes: null }), names)).toEqual([]);
  });
});
