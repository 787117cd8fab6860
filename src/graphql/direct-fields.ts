import type { Type } from '@nestjs/common';
import { type ModuleRef, Reflector } from '@nestjs/core';
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { authorize, requiredRole } from '../auth/auth.guard.js';
import type { GraphQLContext } from '../common/graphql-context.js';

/** Where @nestjs/graphql keeps a method's parameter decorators (@Parent, @Args, @Context, @Info, custom ones). */
const PARAM_ARGS_METADATA = '__routeArguments__';

interface Registration {
  resolver: Type<unknown>;
  method: string;
  type: string;
  field: string;
}

const registrations: Registration[] = [];

/**
 * Marks a field resolver (a `@ResolveField` method) that graphql-js calls directly, without Nest's
 * per-field context: the relations every row of a lookup or of a fanned-out event resolves
 * (`FollowUp.organisation`, `measurements`, …), which through Nest cost an execution context, the
 * guard, a parameter factory and an awaited pipe per parameter, for each follow-up of each answer
 * (bench/report.md, the profile).
 *
 * The method takes graphql-js's own arguments `(parent, args, context, info)` and has no parameter
 * decorators (checked at start-up), so Nest calls it with the same arguments. What runs instead
 * of Nest's pipeline is what it ran for a field: the AuthGuard's rule with the method's own `@Allow`
 * (`authorize`); field resolvers have no interceptors, filters or pipes here (graphql-options:
 * `fieldResolverEnhancers: ['guards']`; a field's parent and context are never validated).
 * `type` is the GraphQL type the resolver class resolves, `field` the field (the method's name by default).
 */
export function DirectField(type: string, field?: string): MethodDecorator {
  return (target, key) => {
    registrations.push({
      resolver: target.constructor as Type<unknown>,
      method: String(key),
      type,
      field: field ?? String(key),
    });
  };
}

/**
 * Puts the marked methods in the schema as the fields' resolvers, each behind the guard's rule for
 * its `@Allow`. Refuses to start when a marked field is not in the schema or its method takes
 * parameter decorators (it would then be called with other arguments than Nest gives it). Only
 * the methods of `resolvers` when given (every marked method by default).
 */
export function resolveFieldsDirectly(
  schema: GraphQLSchema,
  modules: Pick<ModuleRef, 'get'>,
  resolvers?: ReadonlyArray<Type<unknown>>,
): GraphQLSchema {
  const reflector = new Reflector();
  for (const r of registrations) {
    if (resolvers && !resolvers.includes(r.resolver)) continue;
    const type = schema.getType(r.type);
    const field = isObjectType(type) ? type.getFields()[r.field] : undefined;
    if (!field) throw new Error(`@DirectField: ${r.type}.${r.field} is not a field of the schema`);
    const params = Reflect.getMetadata(PARAM_ARGS_METADATA, r.resolver, r.method) as object | undefined;
    if (params && Object.keys(params).length)
      throw new Error(
        `@DirectField: ${r.resolver.name}.${r.method} must take (parent, args, context, info), not parameter decorators`,
      );
    const instance = modules.get(r.resolver, { strict: false }) as Record<
      string,
      GraphQLFieldResolver<unknown, GraphQLContext>
    >;
    const method = instance[r.method]!;
    const required = requiredRole(reflector, method, r.resolver);
    field.resolve = (parent, args, context: GraphQLContext, info) => {
      authorize(context.auth, required, () => info.fieldName);
      return method.call(instance, parent, args, context, info);
    };
  }
  return schema;
}
