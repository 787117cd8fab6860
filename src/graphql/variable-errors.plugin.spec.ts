import { parse } from 'graphql';
import { fieldOfVariable } from './variable-errors.plugin.js';

describe('fieldOfVariable: the field a refused variable stands for', () => {
  it('names the argument or the input field the variable is bound to', () => {
    const document = parse(
      'mutation ($id: ID!, $p: Date, $v: String) { completeFollowUp(id: $id, performedOn: $p) { id } followUps(filter: { validOn: $v }) { totalCount } }',
    );
    expect(fieldOfVariable(document, 'p')).toBe('performedOn');
    expect(fieldOfVariable(document, 'v')).toBe('validOn');
    expect(fieldOfVariable(document, 'unused')).toBeUndefined();
  });
});
