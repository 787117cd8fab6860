import 'reflect-metadata';
import { Parent } from '@nestjs/graphql';
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { Allow } from '../auth/allow.decorator.js';
import type { AuthState } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import type { DomainError } from '../common/errors/domain-error.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { DirectField, resolveFieldsDirectly } from './direct-fields.js';

const SDL = 'type Thing { label: String, open: String } type Query { thing: Thing }';

@Allow(Role.READER)
class ThingResolver {
  readonly prefix = 'thing';

  @Allow(Role.CONTACT_PERSON)
  @DirectField('Thing')
  label(parent: { x: number }, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) {
    return `${this.prefix} ${parent.x} for ${ctx.auth.principal!.role} (${info.fieldName})`;
  }

  // No @Allow of its own: the class's.
  @DirectField('Thing', 'open')
  readable(parent: { x: number }) {
    return `open ${parent.x}`;
  }
}

class DecoratedResolver {
  @DirectField('Thing')
  label(@Parent() parent: { x: number }) {
    return parent.x;
  }
}

class MisnamedResolver {
  @DirectField('Thing', 'missing')
  label() {
    return 'x';
  }
}

const modules = { get: () => new ThingResolver() } as never;

function run(auth: AuthState) {
  const schema = resolveFieldsDirectly(buildSchema(SDL), modules, [ThingResolver]);
  return graphql({
    schema,
    source: '{ thing { label open } }',
    rootValue: { thing: { x: 7 } },
    contextValue: { auth } as GraphQLContext,
  });
}

const principal = (role: Role) =>
  ({ principal: { role, organisationId: 'o', principalId: 'p' } }) as unknown as AuthState;

describe('@DirectField: a field resolver graphql-js calls without Nest, behind the guard’s rule', () => {
  it('calls the method on the resolver instance with graphql-js’s (parent, args, context, info)', async () => {
    const result = await run(principal(Role.CONTACT_PERSON));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ thing: { label: 'thing 7 for CONTACT_PERSON (label)', open: 'open 7' } });
  });

  it('refuses a role below the method’s @Allow with FORBIDDEN naming the field, and the class’s @Allow applies without one', async () => {
    const result = await run(principal(Role.READER));
    expect(result.data).toEqual({ thing: { label: null, open: 'open 7' } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toBe('label needs the role CONTACT_PERSON; your token has READER');
    expect(result.errors![0]!.originalError).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a caller without a token, and one whose token was refused, with UNAUTHENTICATED', async () => {
    for (const auth of [{ principal: null }, { principal: null, error: 'the token has been revoked' }] as AuthState[]) {
      const result = await run(auth);
      expect(result.data).toEqual({ thing: { label: null, open: null } });
      expect(result.errors!.map((e) => (e.originalError as DomainError).code)).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
      ]);
    }
  });

  it('refuses to start for a method with parameter decorators, or a field the schema lacks', () => {
    expect(() => resolveFieldsDirectly(buildSchema(SDL), modules, [DecoratedResolver])).toThrow(
      'DecoratedResolver.label must take (parent, args, context, info), not parameter decorators',
    );
    expect(() => resolveFieldsDirectly(buildSchema(SDL), modules, [MisnamedResolver])).toThrow(
      'Thing.missing is not a field of the schema',
    );
  });
});
