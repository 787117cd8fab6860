import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../common/errors/domain-error.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import type { AuthState } from './principal.js';
import { ALLOW_KEY, PUBLIC } from './allow.decorator.js';
import { Role, roleAtLeast } from './role.js';

/**
 * The global guard: reads `@Allow` on the handler (or its resolver class) and refuses with
 * UNAUTHENTICATED (no or bad token) or FORBIDDEN (role too low). Runs for queries, mutations,
 * field resolvers and subscriptions alike; HTTP controllers (health) are public.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** `@Allow` of each resolver class and handler, read once per process (the guard runs for every resolved field of every request). */
  private readonly required = new WeakMap<object, WeakMap<object, Role | typeof PUBLIC>>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const [handler, type] = [context.getHandler(), context.getClass()];
    let ofType = this.required.get(type);
    if (!ofType) this.required.set(type, (ofType = new WeakMap()));
    let required = ofType.get(handler);
    if (required === undefined) ofType.set(handler, (required = requiredRole(this.reflector, handler, type)));
    const gql = GqlExecutionContext.create(context);
    authorize(gql.getContext<GraphQLContext>().auth, required, () => gql.getInfo<{ fieldName: string }>().fieldName);
    return true;
  }
}

/** The least role `@Allow` on the handler (or else on its resolver class) asks for; READER without one. */
export function requiredRole(reflector: Reflector, handler: object, type: object): Role | typeof PUBLIC {
  return (
    reflector.getAllAndOverride<Role | typeof PUBLIC | undefined>(ALLOW_KEY, [
      handler as () => void,
      type as new () => unknown,
    ]) ?? Role.READER
  );
}

/**
 * The guard's rule, for the guard and for fields resolved without Nest's per-field context
 * (direct-fields.ts): UNAUTHENTICATED for a bad token or none where a role is required, FORBIDDEN
 * for a role below `required` (naming the field).
 */
export function authorize(auth: AuthState, required: Role | typeof PUBLIC, fieldName: () => string): void {
  if (auth.error) throw unauthenticated(`Authorization refused: ${auth.error}`);
  if (required === PUBLIC) return;
  if (!auth.principal) throw unauthenticated('This operation needs a token: send "Authorization: Bearer <token>"');
  if (!roleAtLeast(auth.principal.role, required))
    throw forbidden(`${fieldName()} needs the role ${required}; your token has ${auth.principal.role}`);
}
