import { REDACTED, redactPayload } from './payload-redaction.js';

describe('redactPayload', () => {
  it.each<[string, unknown, unknown]>([
    [
      'a confidential value at the top',
      { notes: 'öppen', confidentialNotes: 'hemlig' },
      { notes: 'öppen', confidentialNotes: REDACTED },
    ],
    [
      'nested and in arrays',
      { changes: [{ confidentialNotes: 'hemlig', value: 1 }] },
      { changes: [{ confidentialNotes: REDACTED, value: 1 }] },
    ],
    [
      'token secrets',
      { token: 'kk_secret', tokenHash: 'abc', role: 'ADMIN' },
      { token: REDACTED, tokenHash: REDACTED, role: 'ADMIN' },
    ],
    [
      'a field name as a value stays (it names what changed)',
      { changed: ['notes', 'confidentialNotes'] },
      { changed: ['notes', 'confidentialNotes'] },
    ],
    ['null stays null (nothing to hide)', { confidentialNotes: null }, { confidentialNotes: null }],
    ['scalars and null', null, null],
  ])('%s', (_label, payload, expected) => {
    expect(redactPayload(payload)).toEqual(expected);
  });
});
