import type { ApolloServerPlugin } from '@apollo/server';
import { tagErrorWithRequest } from '../common/logging/request-context.js';
import type { GraphQLContext } from '../common/graphql-context.js';

/**
 * Tags every error a GraphQL request meets with the request's id (`x-request-id`), before Apollo
 * formats it: formatGraphQLError logs unexpected errors with that id (see request-context.ts).
 * Errors thrown while the context is made are tagged by the context function itself.
 */
export const requestIdPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    const requestId = contextValue.req?.id;
    if (!requestId) return;
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) tagErrorWithRequest(error, requestId);
      },
    };
  },

  /**
   * An error that escapes Apollo's request pipeline (a plugin hook that throws): Apollo would log it
   * with its own logger, without the request, and answer a fresh "Internal server error" that names
   * nothing. When this hook throws, its error replaces Apollo's, so the original error, tagged with
   * the request, reaches formatGraphQLError: logged once, with the request id and an error id.
   */
  async unexpectedErrorProcessingRequest({ requestContext, error }) {
    tagErrorWithRequest(error, requestContext.contextValue.req?.id);
    throw error;
  },
};
