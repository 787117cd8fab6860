import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, Kind, visit } from 'graphql';
import type { GraphQLContext } from '../common/graphql-context.js';

/** graphql-js's message for a variable whose value its type refuses (a scalar's check, a missing field…). */
const VARIABLE_REFUSED = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value/;

/**
 * A refused variable names the field it is bound to. graphql-js refuses a bad variable value before
 * anything runs (`Variable "$p" got invalid value "2023-02-30"; Date cannot represent an invalid
 * date-string`), naming only the variable; the house rule is that a refusal names the field. So
 * the argument or input field the variable stands for in the document (`performedOn`) is put in
 * front of the message and in `extensions.field`, as every other refusal has it.
 */
export const variableErrorsPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, document }) {
        if (!document) return;
        for (const error of errors) {
          const variable = VARIABLE_REFUSED.exec(error.message)?.[1];
          const field = variable && fieldOfVariable(document, variable);
          if (!field) continue;
          error.message = `${field}: ${error.message}`;
          (error.extensions as Record<string, unknown>).field ??= field;
        }
      },
    };
  },
};

/** The first argument or input-object field whose value is the variable `name`. */
export function fieldOfVariable(document: DocumentNode, name: string): string | undefined {
  let field: string | undefined;
  const bound = (node: { name: { value: string }; value: { kind: Kind } & { name?: { value: string } } }) => {
    if (field === undefined && node.value.kind === Kind.VARIABLE && node.value.name?.value === name)
      field = node.name.value;
  };
  visit(document, { Argument: bound, ObjectField: bound });
  return field;
}
