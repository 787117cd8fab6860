import { registerEnumType } from '@nestjs/graphql';

/** Roles are ordered: each includes the rights of the ones before it. */
export enum Role {
  READER = 'READER',
  CONTACT_PERSON = 'CONTACT_PERSON',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
}

const RANK: Record<Role, number> = { READER: 1, CONTACT_PERSON: 2, COORDINATOR: 3, ADMIN: 4 };

export const roleAtLeast = (held: Role, required: Role): boolean => RANK[held] >= RANK[required];

registerEnumType(Role, {
  name: 'Role',
  description:
    'READER reads shared data; CONTACT_PERSON also writes follow-ups for its organisation; COORDINATOR also keeps the library; ADMIN also manages members and tokens.',
});
