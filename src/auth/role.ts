import { graphqlEnum } from '../common/graphql-enums.js';
import { ROLES, type Role as RoleName } from '../vocabulary/vocabulary.js';
import { ROLE_VALUES } from '../vocabulary/value-descriptions.js';

/** A role (src/vocabulary/vocabulary.ts: ROLES, lowest first); `Role.ADMIN` names one. */
export type Role = RoleName;
export const Role = graphqlEnum(ROLES, 'Role', {
  description:
    'SUPPLIER (a member of a supplier) reads the SHARED follow-ups of its own supplier and answers them; READER reads shared data; CONTACT_PERSON also writes follow-ups for its organisation; COORDINATOR also keeps the library; ADMIN also manages members and tokens.',
  values: ROLE_VALUES,
});

/** Roles are ordered: each includes the rights of the ones before it in ROLES. */
const RANK = Object.fromEntries(ROLES.map((role, rank) => [role, rank])) as Record<Role, number>;

export const roleAtLeast = (held: Role, required: Role): boolean => RANK[held] >= RANK[required];
