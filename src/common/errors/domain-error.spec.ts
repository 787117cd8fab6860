import { badInput, badInputs, fieldOf, pathOf } from './domain-error.js';

describe('pathOf and fieldOf', () => {
  it.each<[string, Array<string | number>]>([
    ['productId', ['productId']],
    ['measurements[2].value', ['measurements', 2, 'value']],
    ['filter.requirementCodes[1]', ['filter', 'requirementCodes', 1]],
    ['input.measurements[10].substanceCas', ['input', 'measurements', 10, 'substanceCas']],
  ])('%s ⇄ %j', (field, path) => {
    expect(pathOf(field)).toEqual(path);
    expect(fieldOf(path)).toBe(field);
  });
});

describe('badInput and badInputs', () => {
  it('a single problem is listed as the only one', () => {
    expect(badInput('measurements[0].loq', 'must be positive').problems).toEqual([
      { path: ['measurements', 0, 'loq'], reason: 'must be positive' },
    ]);
  });

  it('several: all listed, the message joins them, field is the first', () => {
    const e = badInputs([
      { field: 'performedOn', reason: 'is in the future' },
      { field: 'measurements[1].value', reason: 'must not be negative' },
    ]);

    expect(e.message).toBe('performedOn: is in the future; measurements[1].value: must not be negative');
    expect(e.field).toBe('performedOn');
    expect(e.problems).toHaveLength(2);
  });
});
