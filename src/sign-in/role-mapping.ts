import { roleAtLeast } from '../auth/role.js';
import type { SignInRole } from '../vocabulary/vocabulary.js';
import type { RoleMapping } from './sign-in.entities.js';

/**
 * The role a person's claims give: the highest role of every mapped value found in the role claim
 * (a string, an array of strings, or a space-separated string as some providers send `roles`);
 * null when none matches (the person is refused and nothing is stored). A pure function: the rule
 * is read and tested on its own.
 */
export function roleFromClaims(
  claims: Record<string, unknown>,
  roleClaim: string,
  mappings: readonly RoleMapping[],
): SignInRole | null {
  const raw = claims[roleClaim];
  const values = new Set(
    (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter((v): v is string => typeof v === 'string'),
  );
  let best: SignInRole | null = null;
  for (const mapping of mappings)
    if (values.has(mapping.claimValue) && (!best || roleAtLeast(mapping.role, best))) best = mapping.role;
  return best;
}
