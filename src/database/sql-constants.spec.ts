import { sqlConstantList } from './sql-constants.js';

describe('sqlConstantList', () => {
  it.each<[string[], string]>([
    [['COMPLETED', 'CLOSED'], "'COMPLETED', 'CLOSED'"],
    [['SHARED'], "'SHARED'"],
    [['UG_PER_CM2_WEEK', 'MG_PER_M3'], "'UG_PER_CM2_WEEK', 'MG_PER_M3'"],
  ])('%p → %s', (values, expected) => {
    expect(sqlConstantList(values)).toBe(expected);
  });

  it.each<[string[]]>([[[]], [["COMPLETED') OR ('1"]], [['completed']], [['A B']]])('refuses %p', (values) => {
    expect(() => sqlConstantList(values)).toThrow(/sqlConstantList/);
  });
});
