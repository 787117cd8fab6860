import { assertNever } from './assert-never.js';
import * as vocabulary from './vocabulary.js';
import {
  COUNTING_STATUSES,
  DOCUMENT_OR_AUDIT_METHODS,
  EVENT_TYPES,
  FOLLOW_UP_EVENT_TYPES,
  IMPORTABLE_STATUSES,
  isOneOf,
  METHODS,
  orList,
  RECORDABLE_STATUSES,
  UNRESOLVED_DEVIATION_STATUSES,
} from './vocabulary.js';

const lists = Object.entries(vocabulary as Record<string, unknown>).filter(
  (entry): entry is [string, readonly string[]] => Array.isArray(entry[1]) && /^[A-Z_]+$/.test(entry[0]),
);

describe('the vocabulary', () => {
  it.each(lists)('%s has no value twice', (_name, values) => {
    expect(new Set(values).size).toBe(values.length);
  });

  it.each(lists)('%s is not empty', (_name, values) => {
    expect(values.length).toBeGreaterThan(0);
  });

  it.each<[string, readonly string[], string[]]>([
    ['COUNTING_STATUSES', COUNTING_STATUSES, ['COMPLETED', 'CLOSED']],
    ['RECORDABLE_STATUSES', RECORDABLE_STATUSES, ['PLANNED', 'IN_PROGRESS', 'COMPLETED']],
    ['IMPORTABLE_STATUSES', IMPORTABLE_STATUSES, ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED']],
    ['UNRESOLVED_DEVIATION_STATUSES', UNRESOLVED_DEVIATION_STATUSES, ['OPEN', 'ACTION_PLAN_AGREED']],
    [
      'DOCUMENT_OR_AUDIT_METHODS',
      DOCUMENT_OR_AUDIT_METHODS,
      ['DOCUMENT_REVIEW', 'SUPPLIER_DECLARATION', 'DESK_AUDIT', 'SITE_AUDIT'],
    ],
  ])('%s, derived from its table, is what DOMAIN.md says', (_name, derived, expected) => {
    expect(derived).toEqual(expected);
  });

  it('has every follow-up event type among the event types, once', () => {
    for (const type of FOLLOW_UP_EVENT_TYPES) expect(EVENT_TYPES.filter((t) => t === type)).toEqual([type]);
  });
});

describe('isOneOf', () => {
  it.each<[string, boolean]>([
    ['LAB_ANALYSIS', true],
    ['SITE_AUDIT', true],
    ['lab_analysis', false],
    [' LAB_ANALYSIS', false],
    ['', false],
    ['toString', false],
  ])('%p is a method: %p', (text, expected) => {
    expect(isOneOf(METHODS, text)).toBe(expected);
  });
});

describe('orList', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['PLANNED'], 'PLANNED'],
    [['SHARED', 'PRIVATE'], 'SHARED or PRIVATE'],
    [['PLANNED', 'IN_PROGRESS', 'COMPLETED'], 'PLANNED, IN_PROGRESS or COMPLETED'],
  ])('%p → %p', (values, expected) => {
    expect(orList(values)).toBe(expected);
  });
});

describe('assertNever', () => {
  it('throws, naming what it did not expect, should a value from outside the list get that far', () => {
    expect(() => assertNever('SOMETHING_NEW' as never, 'aggregation')).toThrow(
      'unexpected aggregation: "SOMETHING_NEW"',
    );
  });
});
