import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { requestIdOfError } from '../common/logging/request-context.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { requestIdPlugin } from './request-id.plugin.js';

/** A plugin whose hook fails: the error escapes Apollo's request pipeline (its own error path). */
const failingPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async responseForOperation() {
        throw new TypeError('a plugin failed');
      },
    };
  },
};

describe('requestIdPlugin', () => {
  it("tags an error on Apollo's own error path with the request id, and keeps the original error", async () => {
    const seen: Array<{ message: string; requestId: string | undefined }> = [];
    const sut = new ApolloServer<GraphQLContext>({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'hej' } },
      plugins: [requestIdPlugin, failingPlugin],
      formatError: (formatted: GraphQLFormattedError, error: unknown) => {
        seen.push({ message: (error as Error).message, requestId: requestIdOfError(error) });
        return formatted;
      },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    await sut.start();
    try {
      const response = await sut.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: new HeaderMap([['content-type', 'application/json']]),
          search: '',
          body: { query: '{ hello }' },
        },
        context: async () => ({ req: { id: 'req-42' } }) as unknown as GraphQLContext,
      });
      expect(response.status).toBe(500);
      expect(seen).toEqual([{ message: 'a plugin failed', requestId: 'req-42' }]);
    } finally {
      await sut.stop();
    }
  });
});
