import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { type ApolloDriverConfig } from '@nestjs/apollo';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost, type GqlOptionsFactory } from '@nestjs/graphql';
import { TokenService } from '../auth/token.service.js';
import { RequestAuthenticator } from '../sign-in/request-authenticator.js';
import { SessionsService } from '../sign-in/sessions.service.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { formatGraphQLError } from '../common/errors/format-error.js';
import { ReadCaches } from '../database/read/cache/read-caches.js';
import type { GraphQLContext } from '../common/graphql-context.js';
import { Loaders } from '../database/read/loaders/loaders.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { EventFeedService } from '../events/event-feed.service.js';
import { tagErrorWithRequest } from '../common/logging/request-context.js';
import { GraphQLWsOptions, isWsContext } from './graphql-ws.options.js';
import { jitPlugin } from './jit.plugin.js';
import { resolveFieldsDirectly } from './direct-fields.js';
import { readPlainFieldsDirectly } from './plain-fields.js';
import { describeRootTypes } from './root-descriptions.js';
import { requestIdPlugin } from './request-id.plugin.js';
import { variableErrorsPlugin } from './variable-errors.plugin.js';
import { subscriptionOverHttpPlugin } from './subscription-over-http.plugin.js';
import { apolloQueryLimitOptions } from './query-limits.js';

/**
 * Apollo Server options. The schema is built from the code and kept in memory: the app never
 * writes files at start. schema/schema.graphql is written by `npm run schema:generate` (see
 * schema-file.ts) and checked against the code by test/schema.e2e-spec.ts.
 */
@Injectable()
export class GraphQLOptionsFactory implements GqlOptionsFactory<ApolloDriverConfig> {
  /** Subscriptions over graphql-ws on the same path: authentication, context, limits (graphql-ws.options.ts). */
  private readonly ws: GraphQLWsOptions;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reader: SqlReader,
    private readonly tokens: TokenService,
    private readonly caches: ReadCaches,
    feed: EventFeedService,
    schemaHost: GraphQLSchemaHost,
    sessions: SessionsService,
    private readonly requests: RequestAuthenticator,
    private readonly modules: ModuleRef,
  ) {
    this.ws = new GraphQLWsOptions(config, reader, tokens, feed, () => schemaHost.schema, caches, sessions);
  }

  createGqlOptions(): Omit<ApolloDriverConfig, 'driver'> {
    const limits = apolloQueryLimitOptions(this.config.queryLimits);
    return {
      autoSchemaFile: true,
      sortSchema: true,
      // Plain fields are read from the object, not through a resolver per field and value (plain-fields.ts);
      // the relations marked @DirectField are called by graphql-js without Nest's per-field context (direct-fields.ts).
      transformSchema: (schema) =>
        resolveFieldsDirectly(readPlainFieldsDirectly(describeRootTypes(schema)), this.modules),
      path: '/graphql',
      introspection: this.config.introspection,
      // Apollo's landing page loads from a CDN: GraphiQL is served from the service's own files instead (graphiql.ts).
      graphiql: false,
      // Depth, aliases, tokens, size and cost limits; no batched arrays; CSRF prevention (query-limits.ts).
      ...limits,
      // Apollo installs its cache-control plugin by default; it wraps every field's resolver to
      // collect cache hints nobody here sets (the responses are per caller and never cached), which
      // cost a lookup with a thousand fields a tenth of its time (bench/report.md).
      // graphql-jit for error-free query results, graphql-js for everything else (jit.plugin.ts).
      plugins: [
        ...(limits.plugins ?? []),
        requestIdPlugin,
        subscriptionOverHttpPlugin,
        variableErrorsPlugin,
        ...(this.config.graphqlJit ? [jitPlugin()] : []),
        ApolloServerPluginCacheControlDisabled(),
      ],
      includeStacktraceInErrorResponses: false,
      formatError: formatGraphQLError,
      fieldResolverEnhancers: ['guards'],
      subscriptions: { 'graphql-ws': this.ws.options('/graphql') },
      // One context function for both transports: graphql-ws calls it with its own ctx per operation.
      // Over HTTP the argument is Fastify's request (its `headers`, and `id`: the x-request-id).
      context: async (req: NonNullable<GraphQLContext['req']>): Promise<GraphQLContext> => {
        if (isWsContext(req)) return this.ws.context(req);
        try {
          return {
            req,
            auth: await this.requests.authenticate(req.headers, (req as { protocol?: string }).protocol === 'https'),
            loaders: new Loaders(this.reader, this.caches),
          };
        } catch (error) {
          // Before Apollo's plugins see the request: tag it here for the log line (request-id.plugin.ts).
          tagErrorWithRequest(error, req.id);
          throw error;
        }
      },
    };
  }
}
