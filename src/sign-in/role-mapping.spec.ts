import { roleFromClaims } from './role-mapping.js';

describe('roleFromClaims', () => {
  const mappings = [
    { claimValue: 'g-read', role: 'READER' as const },
    { claimValue: 'g-admin', role: 'ADMIN' as const },
    { claimValue: 'g-contact', role: 'CONTACT_PERSON' as const },
  ];
  it.each([
    [{ groups: ['g-read'] }, 'READER'],
    [{ groups: ['g-contact', 'g-read'] }, 'CONTACT_PERSON'],
    [{ groups: ['other', 'g-admin', 'g-read'] }, 'ADMIN'],
    [{ groups: 'g-contact' }, 'CONTACT_PERSON'],
    [{ groups: ['other'] }, null],
    [{ groups: [] }, null],
    [{ groups: [42, { id: 'g-admin' }] }, null],
    [{}, null],
    [{ roles: ['g-admin'] }, null],
  ])('%j gives %s', (claims, role) => {
    expect(roleFromClaims(claims, 'groups', mappings)).toBe(role);
  });
});
