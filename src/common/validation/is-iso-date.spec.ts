import { isIsoDate } from './is-iso-date.js';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '0001-01-01', '9999-12-31', '1970-01-01'])('takes %s', (value) =>
    expect(isIsoDate(value)).toBe(true),
  );
  it.each([
    '2025-02-30',
    '0000-01-01',
    '2025-13-01',
    '2025-1-1',
    '20250101',
    '2025-01-01T00:00:00Z',
    ' 2025-01-01',
    '+02025-01-01',
    null,
    20250101,
  ])('refuses %p', (value) => expect(isIsoDate(value)).toBe(false));
});
