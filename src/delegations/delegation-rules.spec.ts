import { delegationHolds, scopesOf, storedScopes } from './delegation-rules.js';

describe('delegationHolds', () => {
  const d = { scopes: 'CONTRACTS,IMPORTS', expiresOn: '2026-06-30', revokedAt: null };
  it.each<[string, Parameters<typeof delegationHolds>, boolean]>([
    ['a listed scope before its last day', [d, 'CONTRACTS', '2026-06-01'], true],
    ['on its last day (inclusive)', [d, 'IMPORTS', '2026-06-30'], true],
    ['the day after', [d, 'CONTRACTS', '2026-07-01'], false],
    ['a scope not listed', [d, 'FOLLOW_UPS', '2026-06-01'], false],
    ['revoked', [{ ...d, revokedAt: '2026-05-01T10:00:00.000Z' }, 'CONTRACTS', '2026-06-01'], false],
  ])('%s: %s', (_name, args, expected) => {
    expect(delegationHolds(...args)).toBe(expected);
  });

  it('stores scopes once each, in the vocabulary order', () => {
    expect(storedScopes(['IMPORTS', 'CONTRACTS', 'IMPORTS'])).toBe('CONTRACTS,IMPORTS');
    expect(scopesOf('CONTRACTS,IMPORTS')).toEqual(['CONTRACTS', 'IMPORTS']);
  });
});
